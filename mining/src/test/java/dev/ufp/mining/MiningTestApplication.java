package dev.ufp.mining;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Ingestion, projections and mining together, for mining's Spring tests. */
@SpringBootApplication(scanBasePackages = "dev.ufp")
public class MiningTestApplication {
}
