package dev.ufp.projections.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.projections.projector.AbandonmentSweep;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import static dev.ufp.projections.it.EventJson.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sweep over Elasticsearch itself: responses are judged against their tenant's event-time watermark (the
 * tests' window is 3650 days, so the events that matter lie ~12.7 years before each conversation's start), and
 * the same events delivered in a different order, with sweeps in between, give the same documents.
 */
class AbandonmentIntegrationTest extends ProjectionsIntegrationSupport {

    /** ~12.7 years before the conversations' start (offset 0): past the 3650-day window configured for the tests. */
    private static final int LONG_AGO = -400_000_000;
    private static final Pattern PSEUDONYM = Pattern.compile("u_[A-Za-z0-9_-]{22}");

    @Autowired
    private AbandonmentSweep sweep;

    @Test
    void responsesWithoutFollowUpOrReactionWithinTheWindowAreMarkedOnceWithAWeakNegative() throws Exception {
        String tenant = tenant("abandon");
        String key = issueKey(tenant, "ingest");
        postEvents(key, List.of(started("c1", "alice", "beta"),
                prompt("p1", "c1", LONG_AGO + 1, "t1", "Hello?", null),
                response("g1", "c1", LONG_AGO + 2, "r1", "t1", "Hi.", "m1", null),
                prompt("p2", "c1", LONG_AGO + 3, "t2", "Another one", null),
                response("g2", "c1", LONG_AGO + 4, "r2", "t2", "Sure.", "m1", null),
                reaction("ReactionAdded", "x1", "c1", LONG_AGO + 5, "r2", "alice", "THUMBS_UP"),
                prompt("p3", "c1", 10, "t3", "And now?", null),
                response("g3", "c1", 11, "r3", "t3", "Now this.", "m1", null)));
        awaitProjected(tenant, "c1:r3");

        assertThat(sweep.sweep(aliases())).isGreaterThanOrEqualTo(1);
        JsonNode r1 = document(aliases().responses(), tenant + ":c1:r1");
        assertThat(r1.get("abandoned").asBoolean()).isTrue();
        assertThat(r1.get("scoreComponents").get("abandonment").asDouble()).isEqualTo(-0.2);
        JsonNode signal = document(aliases().signals(), tenant + ":c1:r1:abandonment");
        assertThat(signal.get("polarity").asText()).isEqualTo("negative");
        assertThat(signal.get("occurredAt").asText()).isEqualTo(r1.get("abandonmentDeadline").asText());
        assertThat(document(aliases().responses(), tenant + ":c1:r2").get("abandoned").asBoolean()).isFalse();
        assertThat(document(aliases().signals(), tenant + ":c1:r2:abandonment")).isNull();
        assertThat(document(aliases().responses(), tenant + ":c1:r3").get("abandoned").asBoolean())
                .as("the tenant's newest response waits for a later event of the tenant").isFalse();

        assertThat(sweep.sweep(aliases())).isZero();
        assertThat(count(aliases().signals(), tenant)).isEqualTo(2);
    }

    @Test
    void theSameEventsInAnotherOrderWithSweepsInBetweenGiveIdenticalDocuments() throws Exception {
        List<String> c1 = List.of(started("c1", "alice", "beta"), prompt("p1", "c1", LONG_AGO + 1, "t1", "Hello?", null),
                response("g1", "c1", LONG_AGO + 2, "r1", "t1", "Hi.", "m1", null),
                reaction("ReactionAdded", "x1", "c1", 5, "r1", "alice", "THUMBS_DOWN"));
        List<String> c2 = List.of(started("c2", "bob", "beta"), prompt("p1", "c2", LONG_AGO + 10, "t1", "Sort?", null),
                response("g1", "c2", LONG_AGO + 11, "r1", "t1", "sorted(xs)", "m1", null));
        String inWindowReaction = reaction("ReactionAdded", "x1", "c2", LONG_AGO + 12, "r1", "bob", "LOVE");
        List<String> c3 = List.of(started("c3", "carol", "beta"), prompt("p1", "c3", 20, "t1", "Plot?", null),
                response("g1", "c3", 21, "r1", "t1", "plt.plot()", "m1", null));

        String inOrder = tenant("order-a");
        String keyA = issueKey(inOrder, "ingest");
        postEvents(keyA, c1);
        postEvents(keyA, c2);
        postEvents(keyA, List.of(inWindowReaction));
        postEvents(keyA, c3);
        awaitProjected(inOrder, "c3:r1");
        await().atMost(Duration.ofSeconds(60)).until(() -> interacted(inOrder, "c2:r1"));
        sweep.sweep(aliases());

        String lateReaction = tenant("order-b");
        String keyB = issueKey(lateReaction, "ingest");
        postEvents(keyB, c3);
        postEvents(keyB, c2);
        awaitProjected(lateReaction, "c2:r1");
        sweep.sweep(aliases());
        assertThat(document(aliases().responses(), lateReaction + ":c2:r1").get("abandoned").asBoolean())
                .as("abandoned before its in-window reaction arrived").isTrue();
        assertThat(document(aliases().signals(), lateReaction + ":c2:r1:abandonment")).isNotNull();
        postEvents(keyB, c1);
        awaitProjected(lateReaction, "c1:r1");
        sweep.sweep(aliases());
        postEvents(keyB, List.of(inWindowReaction));
        await().atMost(Duration.ofSeconds(60)).until(() -> interacted(lateReaction, "c2:r1"));
        sweep.sweep(aliases());

        assertThat(abandonmentSignals(lateReaction)).isEqualTo(abandonmentSignals(inOrder)).isEqualTo(1);
        assertThat(documents(aliases().responses(), lateReaction)).isEqualTo(documents(aliases().responses(), inOrder));
        assertThat(documents(aliases().signals(), lateReaction)).isEqualTo(documents(aliases().signals(), inOrder));
        assertThat(document(aliases().signals(), lateReaction + ":c2:r1:abandonment"))
                .as("the withdrawn signal is deleted").isNull();
    }

    private static String tenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void awaitProjected(String tenant, String response) {
        await().atMost(Duration.ofSeconds(60)).until(() -> document(aliases().responses(), tenant + ":" + response) != null);
    }

    private boolean interacted(String tenant, String response) throws IOException {
        JsonNode document = document(aliases().responses(), tenant + ":" + response);
        return document != null && document.get("interacted").asBoolean();
    }

    private long abandonmentSignals(String tenant) throws IOException {
        elasticsearch.indices().refresh(r -> r.index(aliases().signals()));
        return elasticsearch.count(c -> c.index(aliases().signals()).query(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("tenant").value(tenant)))
                .filter(f -> f.term(t -> t.field("kind").value("abandonment")))))).count();
    }

    /**
     * A tenant's documents as JSON, by id, comparable across tenants: the tenant's name replaced, and its user
     * pseudonyms (keyed per tenant) numbered in order of first appearance.
     */
    private Map<String, String> documents(String index, String tenant) throws IOException {
        Map<String, String> documents = new TreeMap<>();
        Map<String, String> users = new HashMap<>();
        all(index).forEach((id, source) -> {
            if (id.startsWith(tenant + ":")) {
                documents.put(PSEUDONYM.matcher(id.replace(tenant, "T"))
                                .replaceAll(m -> users.computeIfAbsent(m.group(), u -> "user-" + users.size())),
                        PSEUDONYM.matcher(source.toString().replace(tenant, "T"))
                                .replaceAll(m -> users.computeIfAbsent(m.group(), u -> "user-" + users.size())));
            }
        });
        return documents;
    }
}
