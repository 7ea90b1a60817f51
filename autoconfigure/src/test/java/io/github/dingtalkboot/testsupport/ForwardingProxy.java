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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real, if small, HTTP proxy on loopback that tunnels {@code CONNECT} requests (what
 * Reactor Netty sends to an HTTP proxy) to one fixed upstream server, whatever host the
 * client asked for, and relays the bytes both ways. Records the targets it was asked to
 * connect to.
 */
public final class ForwardingProxy implements AutoCloseable {

	private final ServerSocket socket;

	private final String upstreamHost;

	private final int upstreamPort;

	private final List<String> targets = new CopyOnWriteArrayList<>();

	public ForwardingProxy(String upstreamHost, int upstreamPort) throws IOException {
		this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.upstreamHost = upstreamHost;
		this.upstreamPort = upstreamPort;
		daemon(this::accept, "forwarding-proxy");
	}

	public String host() {
		return "127.0.0.1";
	}

	public int port() {
		return this.socket.getLocalPort();
	}

	/** The {@code host:port} targets the proxy was asked to connect to. */
	public List<String> targets() {
		return this.targets;
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try {
				Socket client = this.socket.accept();
				daemon(() -> tunnel(client), "forwarding-proxy-connection");
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void tunnel(Socket client) {
		try (client; Socket upstream = new Socket(this.upstreamHost, this.upstreamPort)) {
			String head = RawHttp.readHead(client.getInputStream());
			String[] requestLine = head.split("\r\n", 2)[0].split(" ");
			if (requestLine.length < 2 || !"CONNECT".equals(requestLine[0])) {
				client.getOutputStream()
					.write("HTTP/1.1 405 Only CONNECT\r\nContent-Length: 0\r\n\r\n"
						.getBytes(StandardCharsets.US_ASCII));
				return;
			}
			this.targets.add(requestLine[1]);
			client.getOutputStream()
				.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			client.getOutputStream().flush();
			Thread back = daemon(() -> pump(upstream, client), "forwarding-proxy-back");
			pump(client, upstream);
			back.join(10_000);
		}
		catch (IOException | InterruptedException ex) {
			// one side closed: the tunnel is over
		}
	}

	private static void pump(Socket from, Socket to) {
		try {
			InputStream in = from.getInputStream();
			OutputStream out = to.getOutputStream();
			byte[] buffer = new byte[8192];
			int read;
			while ((read = in.read(buffer)) != -1) {
				out.write(buffer, 0, read);
				out.flush();
			}
			to.shutdownOutput();
		}
		catch (IOException ex) {
			// one side closed
		}
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

}
