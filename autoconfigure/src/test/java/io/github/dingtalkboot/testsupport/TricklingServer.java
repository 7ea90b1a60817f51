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

package io.github.dingtalkboot.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hostile HTTP server on a raw socket: it answers every request slowly, one piece at a
 * time, so that no read ever waits long but the answer never completes in time. Each
 * connection is served for 30 seconds at most, then closed.
 */
public final class TricklingServer implements AutoCloseable {

	private static final long MAX_MILLIS_PER_CONNECTION = 30_000;

	/** What trickles. */
	public enum Mode {

		/** Complete headers, then a valid JSON body one byte at a time. */
		BODY,

		/**
		 * The status line, then one more header line at a time, never the end of the
		 * headers.
		 */
		HEADERS

	}

	private final ServerSocket socket;

	private final Mode mode;

	private final long pauseMillis;

	private final AtomicInteger connections = new AtomicInteger();

	public TricklingServer(Mode mode, long pauseMillis) throws IOException {
		this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.mode = mode;
		this.pauseMillis = pauseMillis;
		Thread acceptor = new Thread(this::accept, "trickling-server");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.socket.getLocalPort();
	}

	/** How many connections (attempts) were made. */
	public int connections() {
		return this.connections.get();
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try {
				Socket connection = this.socket.accept();
				this.connections.incrementAndGet();
				Thread serving = new Thread(() -> serve(connection), "trickling-connection");
				serving.setDaemon(true);
				serving.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket connection) {
		long deadline = System.currentTimeMillis() + MAX_MILLIS_PER_CONNECTION;
		try (connection) {
			RawHttp.readHead(connection.getInputStream());
			OutputStream out = connection.getOutputStream();
			if (this.mode == Mode.BODY) {
				byte[] body = "{\"task\":{\"id\":\"t\",\"status\":\"SUCCESS\",\"totalCount\":1,\"successCount\":1,\"failCount\":0,\"failMessage\":\"                                                                                              \"}}"
					.getBytes(StandardCharsets.UTF_8);
				write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
						+ "\r\n\r\n");
				for (int i = 0; i < body.length && System.currentTimeMillis() < deadline; i++) {
					out.write(body[i]);
					out.flush();
					Thread.sleep(this.pauseMillis);
				}
			}
			else {
				write(out, "HTTP/1.1 200 OK\r\n");
				for (int i = 0; System.currentTimeMillis() < deadline; i++) {
					write(out, "X-Slow-" + i + ": still coming\r\n");
					Thread.sleep(this.pauseMillis);
				}
			}
		}
		catch (IOException | InterruptedException ex) {
			// the client gave up: what this server is for
		}
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
