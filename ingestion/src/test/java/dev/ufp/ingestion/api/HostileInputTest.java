package dev.ufp.ingestion.api;

import dev.ufp.ingestion.ApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Whatever a client sends, the answer is never a 5xx, and every refusal says why. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:hostile;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "feedback.admin-key=" + ApiTestSupport.ADMIN_KEY})
@AutoConfigureMockMvc
class HostileInputTest {

    @Autowired
    private MockMvc mvc;
    private String key;

    @BeforeEach
    void setUp() throws Exception {
        key = new ApiTestSupport(mvc).issueKey("hostile", "ingest", "admin");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "null", "[]", "42", "\"events\"", "{}", "{\"events\":null}", "{\"events\":{}}", "{\"events\":[null]}",
            "{\"events\":[1,\"x\",[],true]}",
            "{\"events\":[{\"type\":null}]}",
            "{\"events\":[{\"eventId\":{},\"type\":\"ConversationStarted\"}]}",
            "{\"events\":[{\"eventId\":\"e\",\"type\":\"ConversationStarted\",\"conversationId\":\"c\",\"occurredAt\":\"2026-11-29T10:00:00Z\",\"userId\":\"u\",\"attributes\":{\"a\":{\"b\":1}}}]}",
            "{\"events\":[{\"eventId\":\"e\",\"type\":\"ResponseGenerated\",\"conversationId\":\"c\",\"occurredAt\":\"2026-11-29T10:00:00Z\",\"responseId\":\"r\",\"turnId\":\"t\",\"text\":\"x\",\"model\":\"m\",\"latencyMs\":1e400}]}",
            "{\"events\":[{\"eventId\":\"e\",\"type\":\"ResponseGenerated\",\"conversationId\":\"c\",\"occurredAt\":\"2026-11-29T10:00:00Z\",\"responseId\":\"r\",\"turnId\":\"t\",\"text\":\"x\",\"model\":\"m\",\"promptTokens\":99999999999999}]}",
            "{\"events\":[{\"eventId\":\"e\",\"type\":\"SpanCorrected\",\"conversationId\":\"c\",\"occurredAt\":\"2026-11-29T10:00:00Z\",\"responseId\":\"r\",\"userId\":\"u\",\"start\":-1,\"end\":1.5,\"correction\":\"x\"}]}",
            "{\"events\":[{\"eventId\":\"e\",\"type\":\"ReactionAdded\",\"conversationId\":\"c\",\"occurredAt\":\"not-a-time\",\"responseId\":\"r\",\"userId\":\"u\",\"reaction\":7}]}",
            "{\"events\":[{\"eventId\":\"\\u0000\",\"type\":\"ConversationClosed\",\"conversationId\":\"\\ud800\",\"occurredAt\":\"2026-11-29T10:00:00Z\"}]}",
            "{\"events\":[]} trailing",
            "{\"events\":[{\"eventId\":\"e\",\"type\":\"ConversationStarted\",\"eventId\":\"dup-key\"}]}"})
    void eventsEndpointNeverAnswers5xx(String body) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/v1/events").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(response.getStatus()).as(body).isLessThan(500);
        if (response.getStatus() >= 400) {
            assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(response.getContentAsString()).contains("\"detail\"");
        } else {
            assertThat(response.getContentAsString()).contains("\"results\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{}", "{\"tenant\":null,\"roles\":null}", "{\"tenant\":\"a\",\"roles\":\"ingest\"}",
            "{\"tenant\":\"a\",\"roles\":[null]}", "{\"tenant\":[\"a\"],\"roles\":[\"ingest\"]}", "{\"tenant\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"roles\":[\"ingest\"]}"})
    void keysEndpointNeverAnswers5xx(String body) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/v1/admin/keys")
                .header("Authorization", "Bearer " + ApiTestSupport.ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(response.getStatus()).as(body).isBetween(400, 499);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }
}
