package dev.ufp.ingestion;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The ingestion module on its own, for its Spring tests. */
@SpringBootApplication
public class IngestionTestApplication {
}
