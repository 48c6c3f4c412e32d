package dev.ufp.ingestion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Small helpers for API tests: keys, event JSON and batch posts. */
public final class ApiTestSupport {

    public static final String ADMIN_KEY = "test-admin-key";

    private final MockMvc mvc;
    private final ObjectMapper json = new ObjectMapper();

    public ApiTestSupport(MockMvc mvc) {
        this.mvc = mvc;
    }

    public String issueKey(String tenant, String... roles) throws Exception {
        String body = json.writeValueAsString(java.util.Map.of("tenant", tenant, "roles", java.util.List.of(roles)));
        String response = mvc.perform(post("/v1/admin/keys").header("Authorization", "Bearer " + ADMIN_KEY)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(response).get("key").asText();
    }

    public ResultActions postEvents(String key, String... events) throws Exception {
        return postBody(key, "{\"events\":[" + String.join(",", events) + "]}");
    }

    public ResultActions postBody(String key, String body) throws Exception {
        return mvc.perform(post("/v1/events").header("Authorization", "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    public ResultActions history(String key, String conversationId) throws Exception {
        return mvc.perform(get("/v1/conversations/{id}/events", conversationId)
                .header("Authorization", "Bearer " + key));
    }

    public JsonNode read(ResultActions actions) throws Exception {
        return json.readTree(actions.andReturn().getResponse().getContentAsString());
    }

    public static String started(String eventId, String conversationId, String userId) {
        return """
                {"eventId":"%s","type":"ConversationStarted","conversationId":"%s","occurredAt":"2026-11-29T10:00:00Z",\
                "userId":"%s","attributes":{"cohort":"beta"}}""".formatted(eventId, conversationId, userId);
    }

    public static String prompt(String eventId, String conversationId, String turnId) {
        return """
                {"eventId":"%s","type":"PromptSubmitted","conversationId":"%s","occurredAt":"2026-11-29T10:00:01Z",\
                "turnId":"%s","text":"How do I sort a list?"}""".formatted(eventId, conversationId, turnId);
    }

    public static String response(String eventId, String conversationId, String turnId, String responseId) {
        return """
                {"eventId":"%s","type":"ResponseGenerated","conversationId":"%s","occurredAt":"2026-11-29T10:00:02Z",\
                "responseId":"%s","turnId":"%s","text":"Use sorted(xs).","model":"m1"}"""
                .formatted(eventId, conversationId, responseId, turnId);
    }

    public static String love(String eventId, String conversationId, String responseId, String userId) {
        return """
                {"eventId":"%s","type":"ReactionAdded","conversationId":"%s","occurredAt":"2026-11-29T10:00:03Z",\
                "responseId":"%s","userId":"%s","reaction":"LOVE"}""".formatted(eventId, conversationId, responseId, userId);
    }
}
