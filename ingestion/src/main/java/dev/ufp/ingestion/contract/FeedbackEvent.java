package dev.ufp.ingestion.contract;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * One interaction a chat product reports. The JSON envelope is fixed:
 * {@code {"eventId", "type", "conversationId", "occurredAt", ...type fields}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ConversationStarted.class, name = "ConversationStarted"),
        @JsonSubTypes.Type(value = PromptSubmitted.class, name = "PromptSubmitted"),
        @JsonSubTypes.Type(value = ResponseGenerated.class, name = "ResponseGenerated"),
        @JsonSubTypes.Type(value = ReactionAdded.class, name = "ReactionAdded"),
        @JsonSubTypes.Type(value = ReactionRemoved.class, name = "ReactionRemoved"),
        @JsonSubTypes.Type(value = ResponseCopied.class, name = "ResponseCopied"),
        @JsonSubTypes.Type(value = ResponseShared.class, name = "ResponseShared"),
        @JsonSubTypes.Type(value = RegenerateRequested.class, name = "RegenerateRequested"),
        @JsonSubTypes.Type(value = FeedbackCommented.class, name = "FeedbackCommented"),
        @JsonSubTypes.Type(value = SpanCorrected.class, name = "SpanCorrected"),
        @JsonSubTypes.Type(value = ConversationClosed.class, name = "ConversationClosed")
})
public sealed interface FeedbackEvent
        permits ConversationStarted, PromptSubmitted, ResponseGenerated, ReactionAdded, ReactionRemoved,
        ResponseCopied, ResponseShared, RegenerateRequested, FeedbackCommented, SpanCorrected, ConversationClosed {

    /** Client-chosen idempotency key, unique within a conversation. */
    String eventId();

    String conversationId();

    Instant occurredAt();
}
