package io.github.dingtalkboot.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reading HTTP/1.1 by hand, for the test servers that misbehave on purpose.
 */
final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Read a request's head: everything up to and including the blank line that ends the
	 * headers.
	 */
	static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		byte[] end = { '\r', '\n', '\r', '\n' };
		int matched = 0;
		int b;
		while (matched < end.length && (b = in.read()) != -1) {
			head.write(b);
			matched = (b == end[matched]) ? matched + 1 : ((b == '\r') ? 1 : 0);
		}
		return head.toString(StandardCharsets.US_ASCII);
	}

}
