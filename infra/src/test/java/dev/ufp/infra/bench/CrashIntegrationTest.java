package dev.ufp.infra.bench;

import dev.ufp.infra.launch.PlatformScript;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short variant of {@code bench crash} on the default H2 store: the packaged platform in its own JVM, real
 * Kafka and Elasticsearch, four HTTP senders and a Kafka producer at once, two {@code kill -9}s of the platform
 * (SIGKILL of its real pid) with restarts on the same data; then every acknowledged event is in its stored history
 * exactly once, published on {@code feedback.events.v1} and projected. Fails on H2's default write delay.
 */
class CrashIntegrationTest {

    @Test
    void everyAcknowledgedEventSurvivesKillNineExactlyOnceOnH2() throws Exception {
        CrashOptions options = CrashOptions.parse(new String[] {"--kills", "2", "--store", "h2",
                "--up-seconds", "4-8", "--kafka-rate", "100", "--jar", PlatformScript.packagedJar().toString()});

        CrashHarness.Outcome outcome = CrashHarness.run(options, System.out);

        DurabilityAudit.Result audit = outcome.audit();
        assertThat(audit.acknowledged()).isGreaterThan(1_000);
        assertThat(outcome.rejections()).as("valid events rejected (an earlier acknowledged one was lost)").isEmpty();
        assertThat(audit.storedLost()).as("acknowledged events missing from the store").isZero();
        assertThat(audit.storedDoubled()).as("events stored twice").isZero();
        assertThat(audit.publishedLost()).as("acknowledged events never published").isZero();
        assertThat(audit.projectedResponses()).isEqualTo(audit.expectedResponses());
        assertThat(audit.summedResponseCount()).isEqualTo(audit.expectedResponses());
        assertThat(audit.projectedConversations()).isEqualTo(audit.expectedConversations());
    }
}
