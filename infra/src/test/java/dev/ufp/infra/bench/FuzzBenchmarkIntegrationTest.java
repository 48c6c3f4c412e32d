package dev.ufp.infra.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short variant of {@code bench fuzz} in the test suite: 500 seeded hostile inputs (400 HTTP requests on every
 * endpoint, 100 ingest records) against the packaged platform jar on the real PostgreSQL, a real broker and a real
 * Elasticsearch node; fails on any answer ≥ 500, any stored rejected input or a stalled channel.
 */
class FuzzBenchmarkIntegrationTest {

    @Test
    void fiveHundredHostileInputsLeaveNoServerErrorNoStoredRejectAndMovingChannels() throws Exception {
        Path jar = Path.of("target/infra-0.1.0-SNAPSHOT.jar");
        assertThat(jar).as("the platform jar (package phase)").isRegularFile();

        boolean correct = FuzzBenchmark.run(FuzzOptions.parse(new String[] {"--inputs", "500", "--seed", "7",
                "--threads", "2", "--db", "ufp_it_fuzz", "--jar", jar.toString()}));

        assertThat(correct).as("the fuzz run's checks (printed above)").isTrue();
    }
}
