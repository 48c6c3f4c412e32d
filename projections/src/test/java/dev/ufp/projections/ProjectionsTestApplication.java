package dev.ufp.projections;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Ingestion and projections together, for the projections' Spring tests. */
@SpringBootApplication(scanBasePackages = "dev.ufp")
public class ProjectionsTestApplication {
}
