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

package io.github.dingtalkboot.core.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;

import io.github.dingtalkboot.core.DingTalkClientClosedException;
import io.github.dingtalkboot.core.DingTalkException;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.publisher.TestPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RunningCalls}: how closing ends calls, in virtual time where the grace period
 * matters.
 */
class RunningCallsTests {

	private final RunningCalls calls = new RunningCalls();

	@Test
	void aSingleCallPassesItsValueOn() {
		StepVerifier.create(this.calls.single(Mono.just("value"))).expectNext("value").verifyComplete();
	}

	@Test
	void aSingleCallPassesItsErrorOn() {
		IllegalStateException failure = new IllegalStateException("boom");
		StepVerifier.create(this.calls.single(Mono.error(failure))).expectErrorMatches((ex) -> ex == failure).verify();
	}

	@Test
	void closingWithNothingRunningCompletesAtOnceWhateverTheGracePeriod() {
		this.calls.single(Mono.just(1)).block(Duration.ofSeconds(5));
		Disposable cancelled = this.calls.single(Mono.never()).subscribe();
		cancelled.dispose();
		StepVerifier.create(this.calls.close(Duration.ofDays(1))).expectComplete().verify(Duration.ofSeconds(10));
	}

	@Test
	void aSingleCallThatEndsWithinTheGracePeriodKeepsItsResult() {
		Sinks.One<String> answer = Sinks.one();
		Mono<String> call = this.calls.single(answer.asMono()).cache();
		call.subscribe();
		StepVerifier.withVirtualTime(() -> this.calls.close(Duration.ofSeconds(5)))
			.thenAwait(Duration.ofSeconds(1))
			.then(() -> answer.tryEmitValue("late but in time"))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		StepVerifier.create(call).expectNext("late but in time").verifyComplete();
	}

	@Test
	void aSingleCallStillRunningAfterTheGracePeriodEndsWithAClosedExceptionAndIsCancelled() {
		TestPublisher<String> source = TestPublisher.create();
		Mono<String> call = this.calls.single(source.mono()).cache();
		call.subscribe(null, (ex) -> {
		});
		StepVerifier.withVirtualTime(() -> this.calls.close(Duration.ofSeconds(5)))
			.thenAwait(Duration.ofSeconds(4))
			.then(() -> assertThat(source.wasCancelled()).isFalse())
			.thenAwait(Duration.ofSeconds(1))
			.expectComplete()
			.verify(Duration.ofSeconds(10));
		StepVerifier.create(call)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DingTalkClientClosedException.class)
				.hasMessageContaining("PT5S"))
			.verify(Duration.ofSeconds(10));
		assertThat(source.wasCancelled()).isTrue();
	}

	@Test
	void closingEndsEverySingleCallEvenWhenCancellingOneThrows() {
		// Reactor Netty throws when a call is cancelled after its event loop has ended
		Mono<String> terminatedLoop = Mono.from((subscriber) -> subscriber.onSubscribe(new Subscription() {

			@Override
			public void request(long n) {
			}

			@Override
			public void cancel() {
				throw new RejectedExecutionException("event executor terminated");
			}

		}));
		List<Throwable> endings = new CopyOnWriteArrayList<>();
		for (int i = 0; i < 3; i++) {
			this.calls.single(terminatedLoop).subscribe(null, endings::add);
		}

		StepVerifier.create(this.calls.close(Duration.ZERO)).expectComplete().verify(Duration.ofSeconds(10));

		assertThat(endings).hasSize(3)
			.allSatisfy((ex) -> assertThat(ex).isInstanceOf(DingTalkClientClosedException.class));
	}

	@Test
	void aLongRunningCallEndsAtOnceWhenClosingBegins() {
		TestPublisher<String> source = TestPublisher.create();
		Flux<String> watch = this.calls.longRunning(source.flux()).cache();
		watch.subscribe(null, (ex) -> {
		});
		source.next("first");
		this.calls.close(Duration.ofDays(1)).subscribe();
		StepVerifier.create(watch)
			.expectNext("first")
			.expectError(DingTalkClientClosedException.class)
			.verify(Duration.ofSeconds(10));
		assertThat(source.wasCancelled()).isTrue();
	}

	@Test
	void everyCallAfterClosingBeganFailsAtOnceHavingSentNothing() {
		this.calls.close(Duration.ZERO).block(Duration.ofSeconds(10));
		StepVerifier.create(this.calls.single(Mono.just(1)))
			.expectErrorSatisfies((ex) -> assertThat(((DingTalkException) ex).getAttempts()).isZero())
			.verify(Duration.ofSeconds(10));
		StepVerifier.create(this.calls.longRunning(Flux.just(1)))
			.expectError(DingTalkClientClosedException.class)
			.verify(Duration.ofSeconds(10));
	}

}
