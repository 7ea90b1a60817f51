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

package io.github.dingtalkboot.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sample's page in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}; nothing is downloaded): start a demo task and watch its
 * progress bar reach the end. Skipped where Chromium is not installed, except in CI
 * ({@code CI=true}), where {@code .ci/run} installs it and its absence fails the build.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sample.sandbox.failure-rate=0", "sample.sandbox.task-duration=3s",
				"dingtalk.storage.poll.initial-interval=100ms", "dingtalk.storage.poll.max-interval=500ms" })
class SampleBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@LocalServerPort
	private int port;

	private WebDriver browser;

	@BeforeAll
	static void requireChromium() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI must run the browser test: apt-get install chromium chromium-driver");
		}
		assumeTrue(installed,
				"Chromium is not installed (apt-get install chromium chromium-driver): browser test skipped");
	}

	@BeforeEach
	void openBrowser(@TempDir Path profile) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
				"--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	/**
	 * What the server's threads are doing, to tell a stalled event loop from a slow task.
	 */
	private static String serverThreads() {
		StringBuilder dump = new StringBuilder();
		Thread.getAllStackTraces().forEach((thread, stack) -> {
			if (thread.getName().contains("reactor") || thread.getName().contains("parallel")) {
				dump.append(thread.getName()).append(' ').append(thread.getState()).append(System.lineSeparator());
				for (int i = 0; i < Math.min(stack.length, 12); i++) {
					dump.append("    at ").append(stack[i]).append(System.lineSeparator());
				}
			}
		});
		return dump.toString();
	}

	@Test
	void aDemoTaskStartedOnThePageRunsToTheEndOfItsProgressBar() {
		this.browser.get("http://localhost:" + this.port + "/");
		this.browser.findElement(By.id("start")).click();
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(40));
		WebElement row = wait
			.until((driver) -> driver.findElements(By.cssSelector("#tasks tr")).stream().findFirst().orElse(null));
		assertThat(row.findElement(By.className("id")).getText()).startsWith("demo-");
		String status = wait.withMessage(() -> "row: " + row.getText() + System.lineSeparator() + serverThreads())
			.until((driver) -> {
				String text = row.findElement(By.className("status")).getText();
				return (text.equals("SUCCESS") || text.equals("FAIL")) ? text : null;
			});
		WebElement bar = row.findElement(By.className("bar"));
		assertThat(bar.getAttribute("aria-valuenow")).isEqualTo("100");
		if (status.equals("FAIL")) {
			assertThat(row.findElement(By.className("message")).getText()).contains("locked");
		}
		String calls = wait.until((driver) -> {
			String text = driver.findElement(By.id("m-calls")).getText();
			return (Integer.parseInt(text) > 0) ? text : null;
		});
		assertThat(Integer.parseInt(calls)).isPositive();
	}

	@Test
	void aTaskStartedForTheSecondCorpShowsItsCorpAndRunsToItsEnd() {
		this.browser.get("http://localhost:" + this.port + "/");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(40));
		Select corp = new Select(this.browser.findElement(By.id("corp")));
		wait.until((driver) -> (corp.getOptions().size() == 2) ? corp : null);
		corp.selectByValue("sandbox-corp-b");
		this.browser.findElement(By.id("start")).click();
		WebElement row = wait
			.until((driver) -> driver.findElements(By.cssSelector("#tasks tr")).stream().findFirst().orElse(null));

		assertThat(row.findElement(By.className("corp")).getText()).isEqualTo("sandbox-corp-b");
		wait.withMessage(() -> "row: " + row.getText()).until((driver) -> {
			String text = row.findElement(By.className("status")).getText();
			return (text.equals("SUCCESS") || text.equals("FAIL")) ? text : null;
		});
	}

	@Test
	void aCorpWithdrawnOnThePageIsListedAsPushedAndLeavesTheSelectorUntilAuthorisedAgain() {
		this.browser.get("http://localhost:" + this.port + "/");
		// the page redraws its lists every 2 s: an element found may be gone when read
		WebDriverWait wait = (WebDriverWait) new WebDriverWait(this.browser, Duration.ofSeconds(40))
			.ignoring(StaleElementReferenceException.class);
		wait.until((driver) -> driver.findElement(By.id("withdraw-sandbox-corp-b"))).click();

		wait.until((driver) -> driver.findElements(By.className("corp-change"))
			.stream()
			.anyMatch((item) -> item.getText().startsWith("sandbox-corp-b: WITHDRAWN (suite_relieve")));
		wait.until((driver) -> options(driver).equals(List.of("sandbox-corp-a")));

		wait.until((driver) -> driver.findElement(By.id("authorize-sandbox-corp-b"))).click();

		wait.until((driver) -> driver.findElements(By.className("corp-change"))
			.stream()
			.anyMatch((item) -> item.getText().startsWith("sandbox-corp-b: AUTHORIZED (tmp_auth_code")));
		wait.until((driver) -> options(driver).equals(List.of("sandbox-corp-a", "sandbox-corp-b")));
	}

	private static List<String> options(WebDriver driver) {
		return new Select(driver.findElement(By.id("corp"))).getOptions().stream().map(WebElement::getText).toList();
	}

}
