package io.github.dingtalkboot.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that uses the DingTalk starter the way any user would: the
 * starter is a dependency, {@code StorageTaskOperations} is injected, everything else is
 * in application.yml.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
