package dev.ufp.launchers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The storage tool reads a cluster id starting with '-' as an option, and formatting fails (1 start in 64). */
class KafkaClusterIdTest {

    @Test
    void noClusterIdStartsWithADashAndEachIsTwentyTwoUrlSafeCharacters() {
        for (int i = 0; i < 10_000; i++) {
            assertThat(KafkaBroker.clusterId()).doesNotStartWith("-").matches("[A-Za-z0-9_-]{22}");
        }
    }
}
