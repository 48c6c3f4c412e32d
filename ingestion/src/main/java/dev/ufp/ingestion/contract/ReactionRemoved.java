package dev.ufp.ingestion.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record ReactionRemoved(
        @NotBlank @Identifier String eventId,
        @NotBlank @Identifier String conversationId,
        @NotNull @EventTime Instant occurredAt,
        @NotBlank @Identifier String responseId,
        @NotBlank @Size(max = Limits.USER_ID_MAX) @Printable String userId,
        @NotNull Reaction reaction,
        @Size(max = Limits.SHORT_TEXT_MAX) @Printable String emoji) implements FeedbackEvent, UserAttributed, ResponseTargeted {

    @Override
    public FeedbackEvent withUserId(String pseudonym) {
        return new ReactionRemoved(eventId, conversationId, occurredAt, responseId, pseudonym, reaction, emoji);
    }
}
