package io.github.dingtalkboot.benchmarks;

/**
 * One client under test, making the same {@code getTask} call as the others.
 */
interface Contender extends AutoCloseable {

	String name();

	/**
	 * One call, blocking until its answer is decoded.
	 */
	Object call() throws Exception;

	/**
	 * A non-blocking call, or {@code null} for a blocking-only client.
	 */
	reactor.core.publisher.Mono<?> callAsync();

	@Override
	void close();

}
