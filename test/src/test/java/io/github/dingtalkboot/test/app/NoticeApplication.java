package io.github.dingtalkboot.test.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small application that uses the starter, tested the way a user would test theirs.
 */
@SpringBootApplication
public class NoticeApplication {

}
