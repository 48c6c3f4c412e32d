package dev.ufp.ingestion.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.ingestion.ApiTestSupport;
import dev.ufp.ingestion.tenancy.Pseudonymizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static dev.ufp.ingestion.ApiTestSupport.prompt;
import static dev.ufp.ingestion.ApiTestSupport.started;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events that could never be projected are refused at the door, per item: a batch holding poison items next to
 * a good conversation stores the good one and names the field, value and limit of each bad one; never a 5xx.
 * The limits come from {@code feedback.ingest.*} and the clock from the application context.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:door-rules;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "feedback.admin-key=" + ApiTestSupport.ADMIN_KEY,
        "feedback.ingest.max-attributes=2",
        "feedback.ingest.occurred-at-earliest=2020-01-01T00:00:00Z",
        "feedback.ingest.occurred-at-max-ahead=1h"})
@AutoConfigureMockMvc
class DoorRulesApiTest {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    private MockMvc mvc;
    private ApiTestSupport api;
    private String ingestKey;
    private String analystKey;

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiTestSupport(mvc);
        ingestKey = api.issueKey("door", "ingest");
        analystKey = api.issueKey("door", "analyst");
    }

    private static String startedWith(String eventId, String conversationId, String occurredAt, String attributes) {
        return """
                {"eventId":"%s","type":"ConversationStarted","conversationId":"%s","occurredAt":"%s",\
                "userId":"alice","attributes":%s}""".formatted(eventId, conversationId, occurredAt, attributes);
    }

    @Test
    void poisonItemsAreRejectedPerItemAndTheGoodConversationIsStored() throws Exception {
        String good = "good-" + UUID.randomUUID();
        String clash = startedWith("p1", "poison-1", "2026-11-29T10:00:00Z", "{\"a\":\"1\",\"a.b\":\"2\"}");
        String dot = startedWith("p2", "poison-2", "2026-11-29T10:00:00Z", "{\".x\":\"1\"}");
        String future = startedWith("p3", "poison-3", "+999999999-12-31T23:59:59Z", "{}");
        String ancient = startedWith("p4", "poison-4", "2019-12-31T23:59:59Z", "{}");
        String nul = startedWith("p5", "poison\\u0000-5", "2026-11-29T10:00:00Z", "{}");
        String tooMany = startedWith("p6", "poison-6", "2026-11-29T10:00:00Z", "{\"a\":\"1\",\"b\":\"2\",\"c\":\"3\"}");
        String longId = startedWith("p7", "é".repeat(65), "2026-11-29T10:00:00Z", "{}");

        var response = api.postEvents(ingestKey, clash, started("e1", good, "alice"), dot, future,
                prompt("e2", good, "t1"), ancient, nul, tooMany, longId).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(207);
        JsonNode results = api.read(api.postEvents(ingestKey, started("e1", good, "alice"))).get("results");
        assertThat(results.get(0).get("status").asText()).as("stored by the first post").isEqualTo("duplicate");
        JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.getContentAsString());
        JsonNode items = body.get("results");
        assertThat(items.get(1).get("status").asText()).isEqualTo("accepted");
        assertThat(items.get(4).get("status").asText()).isEqualTo("accepted");
        assertThat(body.get("accepted").asInt()).isEqualTo(2);
        assertThat(body.get("rejected").asInt()).isEqualTo(7);

        assertRejected(items.get(0), "p1", "attributes[a.b]", "a.b", "pattern [A-Za-z0-9][A-Za-z0-9_-]{0,63}");
        assertThat(items.get(0).toString()).as("as quoted in the README").isEqualTo("""
                {"eventId":"p1","status":"rejected","error":{"code":"invalid-field","field":"attributes[a.b]",\
                "value":"a.b","limit":"pattern [A-Za-z0-9][A-Za-z0-9_-]{0,63}",\
                "message":"attribute names must match [A-Za-z0-9][A-Za-z0-9_-]{0,63}","retryable":false}}""");
        assertRejected(items.get(2), "p2", "attributes[.x]", ".x", "pattern [A-Za-z0-9][A-Za-z0-9_-]{0,63}");
        String window = "from 2020-01-01T00:00:00Z to now + PT1H (now: " + NOW + ")";
        assertRejected(items.get(3), "p3", "occurredAt", "+999999999-12-31T23:59:59Z", window);
        assertRejected(items.get(5), "p4", "occurredAt", "2019-12-31T23:59:59Z", window);
        assertRejected(items.get(6), "p5", "conversationId", "poison\u0000-5",
                "no control characters (U+0000-U+001F, U+007F-U+009F), no unpaired surrogates");
        assertRejected(items.get(7), "p6", "attributes", null, "at most 2 attributes");
        assertRejected(items.get(8), "p7", "conversationId", "é".repeat(65), "at most 128 bytes in UTF-8");

        JsonNode stored = api.read(api.history(analystKey, good)).get("events");
        assertThat(stored).hasSize(2);
        // the document id budget (DocumentIdBudgetTest) counts on stored user ids of this fixed length
        assertThat(stored.get(0).at("/event/userId").asText()).hasSize(Pseudonymizer.LENGTH);
    }

    private static void assertRejected(JsonNode item, String eventId, String field, String value, String limit) {
        assertThat(item.get("eventId").asText()).isEqualTo(eventId);
        assertThat(item.get("status").asText()).isEqualTo("rejected");
        JsonNode error = item.get("error");
        assertThat(error.get("code").asText()).isEqualTo("invalid-field");
        assertThat(error.get("field").asText()).isEqualTo(field);
        if (value != null) {
            assertThat(error.get("value").asText()).isEqualTo(value);
        }
        assertThat(error.get("limit").asText()).isEqualTo(limit);
        assertThat(error.get("retryable").asBoolean()).isFalse();
    }
}
