package dev.ufp.projections.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.ufp.projections.it.EventJson.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Elasticsearch stops mid-stream: ingestion goes on, the processor retries with back-off, and once the node is
 * back it catches up with nothing lost and nothing counted twice. Meanwhile the analyst API answers 503.
 */
class ElasticsearchOutageIntegrationTest extends ProjectionsIntegrationSupport {

    @Test
    void theProjectionCatchesUpAfterElasticsearchComesBack() throws Exception {
        String tenant = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        String key = issueKey(tenant, "ingest");
        String r1 = tenant + ":c1:r1";
        postEvents(key, List.of(started("c1", "alice", "beta"), prompt("p1", "c1", 1, "t1", "Hi", null),
                response("g1", "c1", 2, "r1", "t1", "Hello!", "m1", null),
                reaction("ReactionAdded", "x1", "c1", 3, "r1", "alice", "LOVE")));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode doc = document(aliases().responses(), r1);
            return doc != null && doc.get("loved").asBoolean();
        });

        SharedElasticsearch.stop();
        try {
            for (int i = 0; i < 5; i++) {
                postEvents(key, List.of(reaction("ReactionAdded", "love" + i, "c1", 10 + i, "r1", "user" + i, "LOVE"),
                        targeted("ResponseCopied", "copy" + i, "c1", 10 + i, "r1", "user" + i)));
            }
            String analyst = issueKey(tenant, "analyst");
            var down = getAs(analyst, "/v1/analytics/love-rate", "application/json").getResponse();
            assertThat(down.getStatus()).isEqualTo(503);
            assertThat(down.getHeader("Retry-After")).isNotBlank();
            assertThat(down.getContentType()).startsWith("application/problem+json");
            postEvents(key, List.of(reaction("ReactionRemoved", "unlove0", "c1", 20, "r1", "user0", "LOVE"),
                    prompt("p2", "c1", 21, "t2", "Thanks, great", "r1"),
                    response("g2", "c1", 22, "r2", "t2", "You're welcome", "m1", null)));
        } finally {
            SharedElasticsearch.start();
        }

        await().atMost(Duration.ofSeconds(180)).until(() -> document(aliases().responses(), tenant + ":c1:r2") != null);
        JsonNode doc = document(aliases().responses(), r1);
        assertThat(doc.get("reactionCounts").get("love").asInt()).isEqualTo(5);
        assertThat(doc.get("reactionTotal").asInt()).isEqualTo(5);
        assertThat(doc.get("followUp").get("kind").asText()).isEqualTo("positive");
        // 6 love signals (1 retracted), 5 copy signals, 1 follow-up
        assertThat(count(aliases().signals(), tenant)).isEqualTo(12);
        assertThat(doc.get("scoreComponents").get("reaction").asDouble()).isEqualTo(5.0);
        assertThat(doc.get("scoreComponents").get("copy").asDouble()).isEqualTo(2.5);
    }
}
