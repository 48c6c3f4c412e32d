package dev.ufp.projections.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.projections.projector.AbandonmentSweep;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.ufp.projections.it.EventJson.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The sweep finds responses past their deadline without follow-up or reaction, in Elasticsearch itself. */
class AbandonmentIntegrationTest extends ProjectionsIntegrationSupport {

    /** ~12.7 years before the other tests' events: past the 3650-day window configured for the tests. */
    private static final int LONG_AGO = -400_000_000;

    @Autowired
    private AbandonmentSweep sweep;

    @Test
    void responsesWithoutFollowUpOrReactionWithinTheWindowAreMarkedOnceWithAWeakNegative() throws Exception {
        String tenant = "abandon-" + UUID.randomUUID().toString().substring(0, 8);
        String key = issueKey(tenant, "ingest");
        postEvents(key, List.of(started("c1", "alice", "beta"),
                prompt("p1", "c1", LONG_AGO + 1, "t1", "Hello?", null),
                response("g1", "c1", LONG_AGO + 2, "r1", "t1", "Hi.", "m1", null),
                prompt("p2", "c1", LONG_AGO + 3, "t2", "Another one", null),
                response("g2", "c1", LONG_AGO + 4, "r2", "t2", "Sure.", "m1", null),
                reaction("ReactionAdded", "x1", "c1", LONG_AGO + 5, "r2", "alice", "THUMBS_UP")));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode r2 = document(aliases().responses(), tenant + ":c1:r2");
            return r2 != null && r2.get("interacted").asBoolean();
        });

        assertThat(sweep.sweep(aliases(), Instant.now())).isGreaterThanOrEqualTo(1);
        JsonNode r1 = document(aliases().responses(), tenant + ":c1:r1");
        assertThat(r1.get("abandoned").asBoolean()).isTrue();
        assertThat(r1.get("scoreComponents").get("abandonment").asDouble()).isEqualTo(-0.2);
        JsonNode signal = document(aliases().signals(), tenant + ":c1:r1:abandonment");
        assertThat(signal.get("polarity").asText()).isEqualTo("negative");
        assertThat(signal.get("occurredAt").asText()).isEqualTo(r1.get("abandonmentDeadline").asText());
        assertThat(document(aliases().responses(), tenant + ":c1:r2").get("abandoned").asBoolean()).isFalse();
        assertThat(document(aliases().signals(), tenant + ":c1:r2:abandonment")).isNull();

        assertThat(sweep.sweep(aliases(), Instant.now())).isZero();
        assertThat(count(aliases().signals(), tenant)).isEqualTo(2);
    }
}
