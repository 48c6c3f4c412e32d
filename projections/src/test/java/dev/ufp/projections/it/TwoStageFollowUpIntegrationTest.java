package dev.ufp.projections.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.projections.followup.ContrarianClassifier;
import dev.ufp.projections.followup.FollowUpClassifier;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.ufp.projections.it.EventJson.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Follow-ups in two stages on the real processors: the live projection records the lexical verdict, the
 * {@code feedback-follow-up-revisions} processor replaces it with the configured classifier's (here one that
 * disagrees with the lexical classifier on every follow-up), and the documents then equal a rebuild's, which
 * classifies each follow-up once with the configured classifier. Its own context (event store and indices).
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:two-stage-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "feedback.projections.index-prefix=two-stage-it-",
        "feedback.projections.follow-up-classifier=minilm",
        "feedback.projections.two-stage-follow-ups=true"})
@Import(TwoStageFollowUpIntegrationTest.Classifier.class)
class TwoStageFollowUpIntegrationTest extends ProjectionsIntegrationSupport {

    private static final int CONVERSATIONS = 6;

    @Autowired
    private MeterRegistry meters;

    @TestConfiguration
    static class Classifier {
        @Bean
        FollowUpClassifier contrarian() {
            return new ContrarianClassifier();
        }
    }

    @Test
    void revisedDocumentsEqualASingleStageRebuild() throws Exception {
        String tenant = "two-stage-" + UUID.randomUUID().toString().substring(0, 8);
        String key = issueKey(tenant, "ingest");
        for (int i = 0; i < CONVERSATIONS; i++) {
            String c = "c" + i;
            postEvents(key, List.of(started(c, "user" + i, "beta"),
                    prompt(c + "p1", c, 1, "t1", "Parse dates?", null),
                    response(c + "g1", c, 2, "r1", "t1", "Use strptime.", "m1", null),
                    reaction("ReactionAdded", c + "x1", c, 3, "r1", "user" + i, "THUMBS_UP"),
                    prompt(c + "p2", c, 4, "t2", "Great, now plot it", "r1"),
                    response(c + "g2", c, 5, "r2", "t2", "plt.plot()", "m1", null)));
            postEvents(key, List.of(
                    // lexical: negative, revising r1 in hindsight; the final verdict withdraws that
                    prompt(c + "p3", c, 6, "t3", "Wrong, and your first answer didn't work either", "r2"),
                    response(c + "g3", c, 7, "r3", "t3", "Sorry, use pandas.", "m1", null),
                    // lexical: positive; the final verdict is negative and revises r1
                    prompt(c + "p4", c, 8, "t4", "Thanks, your first answer was better", "r2"),
                    reaction("ReactionAdded", c + "x2", c, 9, "r1", "friend", "LOVE"),
                    closed(c + "x3", c, 20)));
        }
        int followUps = 3 * CONVERSATIONS;
        await().atMost(Duration.ofSeconds(90)).until(() -> lag("feedback-projections") == 0
                && lag("feedback-follow-up-revisions") == 0 && followUpSignals(tenant, "contrarian") == followUps);
        assertThat(followUpSignals(tenant, "flr-lexical")).as("first-stage verdicts left").isZero();
        JsonNode r1 = document(aliases().responses(), tenant + ":c0:r1");
        assertThat(r1.get("revisedBySignals")).extracting(JsonNode::asText)
                .containsExactly(tenant + ":c0:r1:hindsight:c0p4");
        assertThat(document(aliases().signals(), tenant + ":c0:r1:hindsight:c0p3")).as("withdrawn").isNull();

        Map<String, JsonNode> responses = all(aliases().responses());
        Map<String, JsonNode> signals = all(aliases().signals());
        Map<String, JsonNode> conversations = all(aliases().conversations());
        assertThat(mvc.perform(post("/v1/admin/projections/rebuild").header("Authorization", "Bearer " + ADMIN_KEY))
                .andReturn().getResponse().getStatus()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).until(() -> getJson(ADMIN_KEY, "/v1/admin/projections/rebuild")
                .get("state").asText().matches("done|failed"));
        assertThat(getJson(ADMIN_KEY, "/v1/admin/projections/rebuild").get("state").asText()).isEqualTo("done");
        assertThat(all(aliases().responses())).isEqualTo(responses);
        assertThat(all(aliases().signals())).isEqualTo(signals);
        assertThat(all(aliases().conversations())).isEqualTo(conversations);
    }

    private double lag(String processor) {
        return meters.get("feedback.projection.lag.events").tag("processor", processor).gauge().value();
    }

    private long followUpSignals(String tenant, String detector) throws IOException {
        elasticsearch.indices().refresh(r -> r.index(aliases().signals()));
        return elasticsearch.count(c -> c.index(aliases().signals()).query(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("tenant").value(tenant)))
                .filter(f -> f.term(t -> t.field("kind").value("follow_up")))
                .filter(f -> f.term(t -> t.field("detector").value(detector)))))).count();
    }
}
