package dev.ufp.ingestion.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.ingestion.ApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;

import static dev.ufp.ingestion.ApiTestSupport.love;
import static dev.ufp.ingestion.ApiTestSupport.prompt;
import static dev.ufp.ingestion.ApiTestSupport.response;
import static dev.ufp.ingestion.ApiTestSupport.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:events-api;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "feedback.admin-key=" + ApiTestSupport.ADMIN_KEY,
        "feedback.ingest.max-batch-events=5",
        "feedback.ingest.max-batch-size=4KB"})
@AutoConfigureMockMvc
class EventsApiTest {

    @Autowired
    private MockMvc mvc;
    private ApiTestSupport api;
    private String ingestKey;
    private String analystKey;
    private String conversation;

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiTestSupport(mvc);
        ingestKey = api.issueKey("acme", "ingest");
        analystKey = api.issueKey("acme", "analyst");
        conversation = "c-" + UUID.randomUUID();
    }

    @Test
    void acceptsAValidBatchWith200AndPerItemResults() throws Exception {
        api.postEvents(ingestKey, started("e1", conversation, "alice"), prompt("e2", conversation, "t1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].eventId").value("e1"))
                .andExpect(jsonPath("$.results[0].status").value("accepted"))
                .andExpect(jsonPath("$.results[1].status").value("accepted"))
                .andExpect(jsonPath("$.accepted").value(2));
    }

    @Test
    void aResentBatchIsAllDuplicatesAnd200() throws Exception {
        api.postEvents(ingestKey, started("e1", conversation, "alice"), prompt("e2", conversation, "t1"));
        api.postEvents(ingestKey, started("e1", conversation, "alice"), prompt("e2", conversation, "t1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results[0].status").value("duplicate"))
                .andExpect(jsonPath("$.results[1].status").value("duplicate"));
        JsonNode history = api.read(api.history(analystKey, conversation));
        assertThat(history.get("events")).hasSize(2);
    }

    @Test
    void aBatchWithARejectedItemIs207AndKeepsItsNeighbours() throws Exception {
        String bad = """
                {"eventId":"e3","type":"ReactionAdded","conversationId":"%s","occurredAt":"2026-11-29T10:00:03Z",\
                "responseId":"r1","userId":"alice","reaction":"HEART"}""".formatted(conversation);
        api.postEvents(ingestKey, started("e1", conversation, "alice"), prompt("e2", conversation, "t1"), bad,
                        response("e4", conversation, "t1", "r1"))
                .andExpect(status().isMultiStatus())
                .andExpect(jsonPath("$.results[2].status").value("rejected"))
                .andExpect(jsonPath("$.results[2].error.field").value("reaction"))
                .andExpect(jsonPath("$.results[2].error.value").value("HEART"))
                .andExpect(jsonPath("$.results[2].error.limit").value("[LOVE, THUMBS_UP, THUMBS_DOWN, LAUGH, SAD, ANGRY, OTHER]"))
                .andExpect(jsonPath("$.results[3].status").value("accepted"));
        assertThat(api.read(api.history(analystKey, conversation)).get("events")).hasSize(3);
    }

    @Test
    void anEventBeforeItsTargetInTheSameBatchIsStoredByTheSecondPass() throws Exception {
        api.postEvents(ingestKey, love("e4", conversation, "r1", "alice"), response("e3", conversation, "t1", "r1"),
                        prompt("e2", conversation, "t1"), started("e1", conversation, "alice"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(4));
    }

    @Test
    void anEventWhoseTargetNeverArrivedIsRejectedAsRetryable() throws Exception {
        api.postEvents(ingestKey, started("e1", conversation, "alice"), love("e2", conversation, "r-later", "alice"))
                .andExpect(status().isMultiStatus())
                .andExpect(jsonPath("$.results[1].error.code").value("unknown-response"))
                .andExpect(jsonPath("$.results[1].error.field").value("responseId"))
                .andExpect(jsonPath("$.results[1].error.value").value("r-later"))
                .andExpect(jsonPath("$.results[1].error.retryable").value(true));
    }

    @Test
    void missingRequiredFieldNamesFieldAndLimit() throws Exception {
        String noText = """
                {"eventId":"e2","type":"PromptSubmitted","conversationId":"%s","occurredAt":"2026-11-29T10:00:01Z",\
                "turnId":"t1"}""".formatted(conversation);
        api.postEvents(ingestKey, noText)
                .andExpect(status().isMultiStatus())
                .andExpect(jsonPath("$.results[0].error.code").value("invalid-field"))
                .andExpect(jsonPath("$.results[0].error.field").value("text"))
                .andExpect(jsonPath("$.results[0].error.limit").value("required"));
    }

    @Test
    void overlongEventIdNamesTheLimit() throws Exception {
        api.postEvents(ingestKey, started("x".repeat(129), conversation, "alice"))
                .andExpect(status().isMultiStatus())
                .andExpect(jsonPath("$.results[0].error.field").value("eventId"))
                .andExpect(jsonPath("$.results[0].error.limit").value("at most 128 bytes in UTF-8"));
    }

    @Test
    void ratingOutOfRangeNamesTheLimit() throws Exception {
        String comment = """
                {"eventId":"e9","type":"FeedbackCommented","conversationId":"%s","occurredAt":"2026-11-29T10:00:01Z",\
                "responseId":"r1","userId":"alice","text":"meh","rating":6}""".formatted(conversation);
        api.postEvents(ingestKey, comment)
                .andExpect(jsonPath("$.results[0].error.field").value("rating"))
                .andExpect(jsonPath("$.results[0].error.value").value(6))
                .andExpect(jsonPath("$.results[0].error.limit").value("at most 5"));
    }

    @Test
    void unknownTypeListsTheKnownTypes() throws Exception {
        api.postEvents(ingestKey, "{\"eventId\":\"e1\",\"type\":\"Clicked\",\"conversationId\":\"c\"}")
                .andExpect(jsonPath("$.results[0].error.field").value("type"))
                .andExpect(jsonPath("$.results[0].error.value").value("Clicked"))
                .andExpect(jsonPath("$.results[0].error.limit").value(org.hamcrest.Matchers.containsString("ReactionAdded")));
    }

    @Test
    void unknownFieldIsNamed() throws Exception {
        String typo = started("e1", conversation, "alice").replace("\"attributes\"", "\"atributes\"");
        api.postEvents(ingestKey, typo)
                .andExpect(jsonPath("$.results[0].error.field").value("atributes"))
                .andExpect(jsonPath("$.results[0].error.message").value("unknown field for this event type"));
    }

    @Test
    void malformedTimestampNamesTheField() throws Exception {
        api.postEvents(ingestKey, started("e1", conversation, "alice").replace("2026-11-29T10:00:00Z", "yesterday"))
                .andExpect(jsonPath("$.results[0].error.field").value("occurredAt"))
                .andExpect(jsonPath("$.results[0].error.value").value("yesterday"));
    }

    @Test
    void malformedJsonIs400ProblemAndStoresNothing() throws Exception {
        api.postBody(ingestKey, "{\"events\":[" + started("e1", conversation, "alice") + ",")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://feedback-platform.dev/problems/malformed-json"))
                .andExpect(jsonPath("$.errors[0].value").value(org.hamcrest.Matchers.startsWith("line 1")));
        api.history(analystKey, conversation).andExpect(status().isNotFound());
    }

    @Test
    void bodyWithoutEventsArrayIs400() throws Exception {
        api.postBody(ingestKey, "{\"evnts\":[]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("events"));
    }

    @Test
    void tooManyEventsIs413WithTheLimitAndStoresNothing() throws Exception {
        api.postEvents(ingestKey, started("e1", conversation, "alice"), prompt("e2", conversation, "t1"),
                        prompt("e3", conversation, "t2"), prompt("e4", conversation, "t3"),
                        prompt("e5", conversation, "t4"), prompt("e6", conversation, "t5"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.errors[0].field").value("events"))
                .andExpect(jsonPath("$.errors[0].value").value(6))
                .andExpect(jsonPath("$.errors[0].limit").value("at most 5 events"));
        api.history(analystKey, conversation).andExpect(status().isNotFound());
    }

    @Test
    void tooLargeBodyIs413() throws Exception {
        String huge = prompt("e2", conversation, "t1").replace("How do I sort a list?", "x".repeat(5000));
        api.postEvents(ingestKey, huge)
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.errors[0].limit").value("at most 4096 bytes"));
    }

    @Test
    void nonJsonContentTypeIs415Problem() throws Exception {
        mvc.perform(post("/v1/events").header("Authorization", "Bearer " + ingestKey)
                        .contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void missingKeyIs401ProblemWithChallenge() throws Exception {
        mvc.perform(post("/v1/events").contentType(MediaType.APPLICATION_JSON).content("{\"events\":[]}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void unknownKeyIs401() throws Exception {
        api.postEvents("ufp_nope_nope", started("e1", conversation, "alice"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("the bearer key is unknown or revoked"));
    }

    @Test
    void analystKeyCannotIngest() throws Exception {
        api.postEvents(analystKey, started("e1", conversation, "alice"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void ingestKeyCannotReadHistory() throws Exception {
        api.postEvents(ingestKey, started("e1", conversation, "alice"));
        api.history(ingestKey, conversation).andExpect(status().isForbidden());
    }

    @Test
    void historyReturnsEventsInOrderWithPseudonymisedUsers() throws Exception {
        api.postEvents(ingestKey, started("e1", conversation, "alice"), prompt("e2", conversation, "t1"),
                response("e3", conversation, "t1", "r1"), love("e4", conversation, "r1", "alice"));
        JsonNode events = api.read(api.history(analystKey, conversation).andExpect(status().isOk())).get("events");
        assertThat(events).extracting(e -> e.get("event").get("eventId").asText())
                .containsExactly("e1", "e2", "e3", "e4");
        assertThat(events).extracting(e -> e.get("sequence").asLong()).containsExactly(0L, 1L, 2L, 3L);
        String pseudonym = events.get(0).get("event").get("userId").asText();
        assertThat(pseudonym).startsWith("u_").doesNotContain("alice");
        assertThat(events.get(3).get("event").get("userId").asText()).isEqualTo(pseudonym);
    }

    @Test
    void openApiDescribesTheEventsEndpoint() throws Exception {
        mvc.perform(get("/v3/api-docs").header("Authorization", "Bearer " + ApiTestSupport.ADMIN_KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/v1/events'].post").exists())
                .andExpect(jsonPath("$.paths['/v1/conversations/{conversationId}/events'].get").exists());
    }
}
