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

import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.github.dingtalkboot.callback.DingTalkCallbackRejectedException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * DingTalk's callback crypto against the test push DingTalk publishes in its callback
 * documentation (token {@code 123456}, the key and suite key below, a
 * {@code check_create_suite_url} event), not only against itself.
 */
class DingTalkCallbackCryptoTests {

	private static final String TOKEN = "123456";

	private static final String AES_KEY = "4g5j64qlyl3zvetqxz5jiocdr586fn2zvjpa8zls3ij";

	private static final String SUITE_KEY = "suite4xxxxxxxxxxxxxxx";

	private static final String SIGNATURE = "5a65ceeef9aab2d149439f82dc191dd6c5cbe2c0";

	private static final String TIMESTAMP = "1445827045067";

	private static final String NONCE = "nEXhMP4r";

	private static final String ENCRYPTED = "1a3NBxmCFwkCJvfoQ7WhJHB+iX3qHPsc9JbaDznE1i03peOk1LaOQoRz3+nlyGNhwmwJ3vDMG"
			+ "+OzrHMeiZI7gTRWVdUBmfxjZ8Ej23JVYa9VrYeJ5as7XM/ZpulX8NEQis44w53h1qAgnC3PRzM7Zc"
			+ "/D6Ibr0rgUathB6zRHP8PYrfgnNOS9PhSBdHlegK+AGGanfwjXuQ9+0pZcy0w9lQ==";

	private static final String MESSAGE = "{\"EventType\":\"check_create_suite_url\",\"Random\":\"LPIdSnlF\","
			+ "\"TestSuiteKey\":\"suite4xxxxxxxxxxxxxxx\"}";

	/** The 16 random characters DingTalk's published push starts with. */
	private static final String PUBLISHED_RANDOM = "hU3bEfGZZewzhG5a";

	private final DingTalkCallbackCrypto crypto = new DingTalkCallbackCrypto(TOKEN, AES_KEY, SUITE_KEY);

	@Test
	void thePublishedPushDecryptsToThePublishedMessage() {
		assertThat(this.crypto.decrypt(SIGNATURE, TIMESTAMP, NONCE, ENCRYPTED)).isEqualTo(MESSAGE);
	}

	@Test
	void thePublishedPushIsWhatEncryptingItsMessageGivesWithItsRandomPrefix() {
		DingTalkCallbackCrypto.Encrypted encrypted = this.crypto.encrypt(PUBLISHED_RANDOM, MESSAGE, TIMESTAMP, NONCE);

		assertThat(encrypted.encrypt()).isEqualTo(ENCRYPTED);
		assertThat(encrypted.msgSignature()).isEqualTo(SIGNATURE);
	}

	@Test
	void aReplyRoundTripsAndEachReplyHasItsOwnRandomPrefix() {
		DingTalkCallbackCrypto.Encrypted first = this.crypto.encrypt("success", "1700000000000", "abc12345");
		DingTalkCallbackCrypto.Encrypted second = this.crypto.encrypt("success", "1700000000000", "abc12345");

		assertThat(this.crypto.decrypt(first.msgSignature(), first.timeStamp(), first.nonce(), first.encrypt()))
			.isEqualTo("success");
		assertThat(first.encrypt()).isNotEqualTo(second.encrypt());
	}

	@Test
	void aMessageOfAnyLengthAndScriptRoundTrips() {
		for (String message : new String[] { "", "x", "钉钉".repeat(100),
				"a".repeat(5) + "{\"EventType\":\"suite_ticket\"}" }) {
			DingTalkCallbackCrypto.Encrypted encrypted = this.crypto.encrypt(message, TIMESTAMP, NONCE);
			assertThat(this.crypto.decrypt(encrypted.msgSignature(), TIMESTAMP, NONCE, encrypted.encrypt()))
				.isEqualTo(message);
		}
	}

	@Test
	void aWrongSignatureIsRefusedBeforeDecrypting() {
		assertRefused(Reason.BAD_SIGNATURE,
				() -> this.crypto.decrypt("0" + SIGNATURE.substring(1), TIMESTAMP, NONCE, ENCRYPTED));
		assertRefused(Reason.BAD_SIGNATURE, () -> this.crypto.decrypt(SIGNATURE, "1445827045068", NONCE, ENCRYPTED));
		assertRefused(Reason.BAD_SIGNATURE, () -> new DingTalkCallbackCrypto("another-token", AES_KEY, SUITE_KEY)
			.decrypt(SIGNATURE, TIMESTAMP, NONCE, ENCRYPTED));
	}

	@Test
	void aPushForAnotherOwnerKeyIsRefused() {
		DingTalkCallbackCrypto other = new DingTalkCallbackCrypto(TOKEN, AES_KEY, "suite-of-another-app");

		assertRefused(Reason.WRONG_OWNER_KEY, () -> other.decrypt(SIGNATURE, TIMESTAMP, NONCE, ENCRYPTED));
	}

	@Test
	void signedTextThatIsNotBase64IsMalformed() {
		String notBase64 = "not base64!";

		assertRefused(Reason.MALFORMED, () -> decryptSigned(notBase64));
	}

	@Test
	void signedTextThatIsNotWholeBlocksIsMalformed() {
		String shortText = Base64.getEncoder().encodeToString(new byte[20]);

		assertRefused(Reason.MALFORMED, () -> decryptSigned(shortText));
	}

	@Test
	void badPaddingIsMalformed() throws Exception {
		byte[] plain = new byte[64];
		Arrays.fill(plain, (byte) 'a');
		plain[63] = 0;
		String encrypted = encryptRaw(plain);

		assertRefused(Reason.MALFORMED, () -> decryptSigned(encrypted));
	}

	@Test
	void aLengthLongerThanTheMessageIsMalformed() throws Exception {
		byte[] plain = new byte[64];
		Arrays.fill(plain, (byte) 'a');
		// the length field (bytes 16 to 19) claims more than there is
		plain[16] = 0x7f;
		Arrays.fill(plain, 32, 64, (byte) 32);
		String encrypted = encryptRaw(plain);

		assertRefused(Reason.MALFORMED, () -> decryptSigned(encrypted));
	}

	@Test
	void missingPartsAreMalformed() {
		assertRefused(Reason.MALFORMED, () -> this.crypto.decrypt(null, TIMESTAMP, NONCE, ENCRYPTED));
		assertRefused(Reason.MALFORMED, () -> this.crypto.decrypt(SIGNATURE, TIMESTAMP, NONCE, null));
	}

	@Test
	void aKeyThatIsNotFortyThreeBase64CharactersIsRefusedWithoutShowingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DingTalkCallbackCrypto(TOKEN, "short", SUITE_KEY))
			.withMessageNotContaining("short");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DingTalkCallbackCrypto(TOKEN, "!" + AES_KEY.substring(1), SUITE_KEY))
			.withMessageNotContaining(AES_KEY.substring(1));
		assertThatIllegalArgumentException().isThrownBy(() -> new DingTalkCallbackCrypto(" ", AES_KEY, SUITE_KEY));
	}

	@Test
	void neitherTheTokenNorTheKeyIsShown() {
		assertThat(this.crypto.toString()).contains(SUITE_KEY).doesNotContain(TOKEN).doesNotContain(AES_KEY);
	}

	@Test
	void aRefusalNamesItsReasonButNotTheContent() {
		assertThatExceptionOfType(DingTalkCallbackRejectedException.class)
			.isThrownBy(() -> new DingTalkCallbackCrypto(TOKEN, AES_KEY, "another").decrypt(SIGNATURE, TIMESTAMP, NONCE,
					ENCRYPTED))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("check_create_suite_url")
				.doesNotContain(SUITE_KEY)
				.doesNotContain(TOKEN));
	}

	/** Decrypt a text correctly signed, so that what is refused is the text itself. */
	private String decryptSigned(String encrypted) {
		return this.crypto.decrypt(this.crypto.signature(TIMESTAMP, NONCE, encrypted), TIMESTAMP, NONCE, encrypted);
	}

	private static void assertRefused(Reason reason, Runnable push) {
		assertThatExceptionOfType(DingTalkCallbackRejectedException.class).isThrownBy(push::run)
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(reason));
	}

	/** AES-256-CBC over blocks of our own, with the published key. */
	private static String encryptRaw(byte[] plain) throws Exception {
		byte[] key = Base64.getDecoder().decode(AES_KEY + "=");
		Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
		return Base64.getEncoder().encodeToString(cipher.doFinal(plain));
	}

}
