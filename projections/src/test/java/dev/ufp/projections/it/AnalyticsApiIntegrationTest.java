package dev.ufp.projections.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.ufp.projections.it.EventJson.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The analyst API on real projections: numbers, tenant isolation, CSV, and problem details. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsApiIntegrationTest extends ProjectionsIntegrationSupport {

    private final String tenant = "ana-" + UUID.randomUUID().toString().substring(0, 8);
    private final String other = "ana-other-" + UUID.randomUUID().toString().substring(0, 8);
    private String analyst;

    @BeforeAll
    void projectSomeTraffic() throws Exception {
        String ingest = issueKey(tenant, "ingest");
        analyst = issueKey(tenant, "analyst");
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String c = "c" + i;
            String model = i < 4 ? "m1" : "m2";
            events.add(started(c, "user" + i, i % 2 == 0 ? "beta" : "ga"));
            events.add(prompt(c + "p", c, 1, "t1", "Question " + i, null));
            events.add(response(c + "g", c, 2, "r1", "t1", "Answer " + i, model, null));
            if (i < 3) {
                events.add(reaction("ReactionAdded", c + "love", c, 3, "r1", "user" + i, "LOVE"));
            }
        }
        events.add(reaction("ReactionAdded", "c5down", "c5", 4, "r1", "user5", "THUMBS_DOWN"));
        events.add(prompt("c5p2", "c5", 5, "t2", "That is wrong, the answer does not compile", "r1"));
        postEvents(ingest, events);
        String otherIngest = issueKey(other, "ingest");
        List<String> otherEvents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            otherEvents.addAll(List.of(started("o" + i, "u", "beta"), prompt("o" + i + "p", "o" + i, 1, "t1", "Q", null),
                    response("o" + i + "g", "o" + i, 2, "r1", "t1", "A", "m1", null),
                    reaction("ReactionAdded", "o" + i + "l", "o" + i, 3, "r1", "u", "LOVE")));
        }
        postEvents(otherIngest, otherEvents);
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode rows = getJson(analyst, "/v1/analytics/love-rate?groupBy=model").get("rows");
            return rows != null && rows.size() == 2 && sum(rows, "responses") == 6 && sum(rows, "loved") == 3
                    && getJson(analyst, "/v1/analytics/follow-ups?q=wrong").get("rows").size() == 1;
        });
        // the signals index refreshes on its own schedule (1 s): make everything projected so far searchable
        indexAdmin.refresh(aliases());
    }

    private static long sum(JsonNode rows, String field) {
        long total = 0;
        for (JsonNode row : rows) {
            total += row.get(field).asLong();
        }
        return total;
    }

    @Test
    void loveRateByModelHasCountsAndWilsonIntervalsOfTheCallersTenantOnly() throws Exception {
        JsonNode body = getJson(analyst, "/v1/analytics/love-rate?groupBy=model");
        assertThat(body.get("groupBy").asText()).isEqualTo("model");
        JsonNode m1 = body.get("rows").get(0);
        assertThat(m1.get("group").asText()).isEqualTo("m1");
        assertThat(m1.get("responses").asLong()).isEqualTo(4);
        assertThat(m1.get("loved").asLong()).isEqualTo(3);
        assertThat(m1.get("loveRate").asDouble()).isEqualTo(0.75);
        assertThat(m1.get("ciLow").asDouble()).isEqualTo(0.3006);
        assertThat(m1.get("ciHigh").asDouble()).isEqualTo(0.9544);
        JsonNode m2 = body.get("rows").get(1);
        assertThat(m2.get("loved").asLong()).isZero();
        assertThat(m2.get("ciLow").asDouble()).isZero();
    }

    @Test
    void loveRateGroupsByCohortAttributeAndByDay() throws Exception {
        JsonNode cohorts = getJson(analyst, "/v1/analytics/love-rate?groupBy=attribute.cohort").get("rows");
        assertThat(cohorts).hasSize(2);
        assertThat(sum(cohorts, "responses")).isEqualTo(6);
        JsonNode days = getJson(analyst, "/v1/analytics/love-rate?groupBy=day").get("rows");
        assertThat(days).singleElement().satisfies(d -> assertThat(d.get("group").asText()).isEqualTo("2026-11-29"));
        JsonNode none = getJson(analyst, "/v1/analytics/love-rate?groupBy=model&from=2026-11-30T00:00:00Z").get("rows");
        assertThat(none).isEmpty();
    }

    @Test
    void csvExportOnAcceptTextCsv() throws Exception {
        var response = getAs(analyst, "/v1/analytics/love-rate?groupBy=model", "text/csv").getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getContentAsString()).startsWith("group,responses,loved,loveRate,ciLow,ciHigh\r\n"
                + "m1,4,3,0.75,0.3006,0.9544\r\n");
    }

    @Test
    void anUnknownGroupingIsAProblemNamingFieldValueAndAllowedValues() throws Exception {
        var response = getAs(analyst, "/v1/analytics/love-rate?groupBy=colour", "application/json").getResponse();
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("groupBy");
        assertThat(problem.get("errors").get(0).get("value").asText()).isEqualTo("colour");
        assertThat(problem.get("errors").get(0).get("limit").asText()).contains("modelVersion", "attribute.<name>");
        var limit = getAs(analyst, "/v1/analytics/worst-responses?limit=0", "application/json").getResponse();
        assertThat(limit.getStatus()).isEqualTo(400);
        assertThat(limit.getContentAsString()).contains("\"field\":\"limit\"");
    }

    @Test
    void analyticsNeedTheAnalystRole() throws Exception {
        String ingestOnly = issueKey(tenant, "ingest");
        assertThat(getAs(ingestOnly, "/v1/analytics/love-rate", "application/json").getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void signalMixWorstResponsesAndFollowUpSearch() throws Exception {
        JsonNode mix = getJson(analyst, "/v1/analytics/signal-mix").get("rows");
        JsonNode reactions = null;
        for (JsonNode row : mix) {
            if (row.get("kind").asText().equals("reaction")) {
                reactions = row;
            }
        }
        assertThat(reactions).isNotNull();
        assertThat(reactions.get("positive").asLong()).isEqualTo(3);
        assertThat(reactions.get("negative").asLong()).isEqualTo(1);

        JsonNode worst = getJson(analyst, "/v1/analytics/worst-responses?limit=2").get("rows");
        assertThat(worst).hasSize(2);
        assertThat(worst.get(0).get("conversationId").asText()).isEqualTo("c5");
        double complaint = new dev.ufp.projections.followup.LexicalFollowUpClassifier()
                .classify(null, "", "That is wrong, the answer does not compile").polarity();
        assertThat(complaint).isNegative();
        assertThat(worst.get(0).get("signalScore").asDouble())
                .as("thumbs down (-0.7) + the complaint's polarity").isCloseTo(-0.7 + complaint,
                        org.assertj.core.data.Offset.offset(0.001));

        JsonNode found = getJson(analyst, "/v1/analytics/follow-ups?q=compile&kind=negative").get("rows");
        assertThat(found).singleElement().satisfies(r -> assertThat(r.get("followUpText").asText()).contains("compile"));
        assertThat(getAs(analyst, "/v1/analytics/follow-ups", "application/json").getResponse().getStatus()).isEqualTo(400);
    }
}
