package dev.ufp.infra.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** Builds events in the platform's JSON contract (the envelope plus a {@code type} discriminator). */
public final class EventFactory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventFactory() {
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static ObjectNode event(String eventId, String type, String conversationId, Instant at) {
        return JSON.createObjectNode().put("eventId", eventId).put("type", type)
                .put("conversationId", conversationId).put("occurredAt", at.toString());
    }

    public static ObjectNode started(String eventId, String conversationId, Instant at, String userId) {
        return event(eventId, "ConversationStarted", conversationId, at).put("userId", userId);
    }

    public static ObjectNode prompt(String eventId, String conversationId, Instant at, String turnId, String text,
                                    String followsResponseId) {
        ObjectNode prompt = event(eventId, "PromptSubmitted", conversationId, at).put("turnId", turnId)
                .put("text", text);
        if (followsResponseId != null) {
            prompt.put("followsResponseId", followsResponseId);
        }
        return prompt;
    }

    public static ObjectNode response(String eventId, String conversationId, Instant at, String responseId,
                                      String turnId, String text, String model) {
        return event(eventId, "ResponseGenerated", conversationId, at).put("responseId", responseId)
                .put("turnId", turnId).put("text", text).put("model", model);
    }

    /** {@code ReactionAdded} or {@code ReactionRemoved} (the type) of one user on one response. */
    public static ObjectNode reaction(String eventId, String type, String conversationId, Instant at,
                                      String responseId, String userId, String reaction) {
        return interaction(eventId, type, conversationId, at, responseId, userId).put("reaction", reaction);
    }

    /** An act of one user on one response: {@code ResponseCopied}, {@code ResponseShared}, … */
    public static ObjectNode interaction(String eventId, String type, String conversationId, Instant at,
                                         String responseId, String userId) {
        return event(eventId, type, conversationId, at).put("responseId", responseId).put("userId", userId);
    }
}
