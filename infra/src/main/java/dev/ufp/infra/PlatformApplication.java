package dev.ufp.infra;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The all-in-one platform: every role of every module in one JVM. */
@SpringBootApplication(scanBasePackages = "dev.ufp")
public class PlatformApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlatformApplication.class, args);
    }
}
