/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.dingtalkboot.callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.github.dingtalkboot.callback.DingTalkCallbackRejectedException.Reason;
import org.jspecify.annotations.Nullable;

/**
 * DingTalk's callback signature and encryption, usable on its own. A push carries
 * {@code msg_signature} (or {@code signature}), {@code timestamp} and {@code nonce} in
 * its query and {@code {"encrypt":"…"}} as its body:
 * <ul>
 * <li>the signature is the hex SHA-1 of the token, timestamp, nonce and encrypted text,
 * sorted and joined;</li>
 * <li>the encrypted text is the Base64 of AES-256-CBC (key: the Base64 decoding of the
 * 43-character {@code EncodingAESKey} plus {@code =}; IV: the key's first 16 bytes) over
 * 16 random bytes, the message's length (4 bytes, big-endian), the message and the owner
 * key, padded PKCS#7-style to 32-byte blocks;</li>
 * <li>the owner key is the suite key of a third-party app, the app key (or corp id) of an
 * internal app.</li>
 * </ul>
 * The reply is encrypted the same way. Signatures are compared in constant time, and a
 * push is refused ({@link DingTalkCallbackRejectedException}) before anything is
 * decrypted when its signature is wrong. Neither the token nor the key is ever shown by
 * {@link #toString()}.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.3.0
 */
public final class DingTalkCallbackCrypto {

	private static final int BLOCK = 32;

	private static final int RANDOM = 16;

	private static final char[] ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	private final String token;

	private final SecretKeySpec key;

	private final IvParameterSpec iv;

	private final byte[] ownerKey;

	private final SecureRandom random = new SecureRandom();

	/**
	 * Create the crypto of one application.
	 * @param token the token set in DingTalk's developer console
	 * @param aesKey the 43-character {@code EncodingAESKey} set there
	 * @param ownerKey the suite key (third-party app), or the app key or corp id
	 * (internal app)
	 * @throws IllegalArgumentException when a value is blank or the key is not 43 Base64
	 * characters
	 */
	public DingTalkCallbackCrypto(String token, String aesKey, String ownerKey) {
		if (token == null || token.isBlank() || ownerKey == null || ownerKey.isBlank()) {
			throw new IllegalArgumentException("The callback token and owner key must not be blank");
		}
		byte[] keyBytes = aesKey(aesKey);
		this.token = token;
		this.key = new SecretKeySpec(keyBytes, "AES");
		this.iv = new IvParameterSpec(Arrays.copyOf(keyBytes, 16));
		this.ownerKey = ownerKey.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] aesKey(String aesKey) {
		byte[] bytes = null;
		if (aesKey != null && aesKey.length() == 43) {
			try {
				bytes = Base64.getDecoder().decode(aesKey + "=");
			}
			catch (IllegalArgumentException ex) {
				// reported below, without the key
			}
		}
		if (bytes == null || bytes.length != 32) {
			throw new IllegalArgumentException("The callback AES key must be the 43 Base64 characters of the "
					+ "EncodingAESKey set in DingTalk's developer console");
		}
		return bytes;
	}

	/**
	 * The signature of a push or reply.
	 * @param timestamp its timestamp
	 * @param nonce its nonce
	 * @param encrypted its encrypted text
	 * @return the lower-case hex SHA-1
	 */
	public String signature(String timestamp, String nonce, String encrypted) {
		String[] parts = { this.token, timestamp, nonce, encrypted };
		Arrays.sort(parts);
		MessageDigest sha1 = sha1();
		for (String part : parts) {
			sha1.update(part.getBytes(StandardCharsets.UTF_8));
		}
		return HexFormat.of().formatHex(sha1.digest());
	}

	/**
	 * Verify a push's signature, without decrypting it.
	 * @param signature the push's {@code msg_signature} (or {@code signature})
	 * @param timestamp its {@code timestamp}
	 * @param nonce its {@code nonce}
	 * @param encrypted the {@code encrypt} of its body
	 * @throws DingTalkCallbackRejectedException when a part is missing or the signature
	 * is not the one the token gives
	 */
	public void verify(@Nullable String signature, @Nullable String timestamp, @Nullable String nonce,
			@Nullable String encrypted) {
		if (signature == null || timestamp == null || nonce == null || encrypted == null) {
			throw new DingTalkCallbackRejectedException(Reason.MALFORMED,
					"A callback without signature, timestamp, nonce or encrypted text");
		}
		byte[] expected = signature(timestamp, nonce, encrypted).getBytes(StandardCharsets.US_ASCII);
		if (!MessageDigest.isEqual(expected, signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
			throw new DingTalkCallbackRejectedException(Reason.BAD_SIGNATURE,
					"A callback whose signature is not the one the callback token gives");
		}
	}

	/**
	 * Verify and decrypt a push.
	 * @param signature the push's {@code msg_signature} (or {@code signature})
	 * @param timestamp its {@code timestamp}
	 * @param nonce its {@code nonce}
	 * @param encrypted the {@code encrypt} of its body
	 * @return the message, as DingTalk sent it (JSON)
	 * @throws DingTalkCallbackRejectedException when a part is missing or malformed, the
	 * signature is wrong (nothing is decrypted then), or the owner key is another's
	 */
	public String decrypt(@Nullable String signature, @Nullable String timestamp, @Nullable String nonce,
			@Nullable String encrypted) {
		verify(signature, timestamp, nonce, encrypted);
		Objects.requireNonNull(encrypted);
		byte[] cipherText;
		try {
			cipherText = Base64.getDecoder().decode(encrypted);
		}
		catch (IllegalArgumentException ex) {
			throw malformed("its encrypted text is not Base64");
		}
		if (cipherText.length == 0 || cipherText.length % 16 != 0) {
			throw malformed("its encrypted text is not whole AES blocks");
		}
		byte[] plain = cipher(Cipher.DECRYPT_MODE, cipherText);
		int pad = plain[plain.length - 1] & 0xff;
		if (pad < 1 || pad > BLOCK || pad > plain.length) {
			throw malformed("its padding is not PKCS#7");
		}
		for (int i = plain.length - pad; i < plain.length; i++) {
			if ((plain[i] & 0xff) != pad) {
				throw malformed("its padding is not PKCS#7");
			}
		}
		int end = plain.length - pad;
		if (end < RANDOM + 4) {
			throw malformed("it is shorter than its header");
		}
		int length = ByteBuffer.wrap(plain, RANDOM, 4).getInt();
		if (length < 0 || length > end - RANDOM - 4) {
			throw malformed("its length does not fit");
		}
		int ownerFrom = RANDOM + 4 + length;
		if (!MessageDigest.isEqual(Arrays.copyOfRange(plain, ownerFrom, end), this.ownerKey)) {
			throw new DingTalkCallbackRejectedException(Reason.WRONG_OWNER_KEY,
					"A callback encrypted for another owner key than this application's");
		}
		return new String(plain, RANDOM + 4, length, StandardCharsets.UTF_8);
	}

	/**
	 * Encrypt a reply, signed, as DingTalk expects it, with the current time and a random
	 * nonce.
	 * @param message the message, for DingTalk's callbacks {@code success}
	 * @return the encrypted, signed message
	 */
	public Encrypted encrypt(String message) {
		return encrypt(message, String.valueOf(System.currentTimeMillis()), randomText());
	}

	/**
	 * Encrypt a reply (or a push, for tests), signed, as DingTalk expects it.
	 * @param message the message, for DingTalk's callbacks {@code success}
	 * @param timestamp the timestamp to sign with (milliseconds, as DingTalk sends)
	 * @param nonce the nonce to sign with
	 * @return the encrypted, signed message
	 */
	public Encrypted encrypt(String message, String timestamp, String nonce) {
		return encrypt(randomText(), message, timestamp, nonce);
	}

	private String randomText() {
		char[] text = new char[RANDOM];
		for (int i = 0; i < RANDOM; i++) {
			text[i] = ALPHANUMERIC[this.random.nextInt(ALPHANUMERIC.length)];
		}
		return new String(text);
	}

	Encrypted encrypt(String randomText, String message, String timestamp, String nonce) {
		byte[] randomBytes = randomText.getBytes(StandardCharsets.UTF_8);
		byte[] messageBytes = message.getBytes(StandardCharsets.UTF_8);
		int unpadded = randomBytes.length + 4 + messageBytes.length + this.ownerKey.length;
		int pad = BLOCK - (unpadded % BLOCK);
		ByteBuffer plain = ByteBuffer.allocate(unpadded + pad);
		plain.put(randomBytes).putInt(messageBytes.length).put(messageBytes).put(this.ownerKey);
		for (int i = 0; i < pad; i++) {
			plain.put((byte) pad);
		}
		String encrypted = Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE, plain.array()));
		return new Encrypted(signature(timestamp, nonce, encrypted), timestamp, nonce, encrypted);
	}

	private byte[] cipher(int mode, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
			cipher.init(mode, this.key, this.iv);
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-256-CBC is not available in this JVM", ex);
		}
	}

	private static MessageDigest sha1() {
		try {
			return MessageDigest.getInstance("SHA-1");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is not available in this JVM", ex);
		}
	}

	private static DingTalkCallbackRejectedException malformed(String why) {
		return new DingTalkCallbackRejectedException(Reason.MALFORMED, "A malformed callback: " + why);
	}

	@Override
	public String toString() {
		return "DingTalkCallbackCrypto[ownerKey=" + new String(this.ownerKey, StandardCharsets.UTF_8)
				+ ", token=******, aesKey=******]";
	}

	/**
	 * An encrypted, signed message, in the fields DingTalk's reply carries.
	 *
	 * @param msgSignature the signature
	 * @param timeStamp the timestamp signed
	 * @param nonce the nonce signed
	 * @param encrypt the encrypted text
	 */
	public record Encrypted(String msgSignature, String timeStamp, String nonce, String encrypt) {

		public Encrypted {
			Objects.requireNonNull(msgSignature, "msgSignature");
			Objects.requireNonNull(encrypt, "encrypt");
		}

	}

}
