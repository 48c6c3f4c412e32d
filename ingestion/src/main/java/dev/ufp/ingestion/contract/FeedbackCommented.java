package dev.ufp.ingestion.contract;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record FeedbackCommented(
        @NotBlank @Identifier String eventId,
        @NotBlank @Identifier String conversationId,
        @NotNull @EventTime Instant occurredAt,
        @NotBlank @Identifier String responseId,
        @NotBlank @Size(max = Limits.USER_ID_MAX) @Printable String userId,
        @NotNull @Size(max = Limits.TEXT_MAX) @StorableText String text,
        @Min(1) @Max(5) Integer rating) implements FeedbackEvent, UserAttributed, ResponseTargeted {

    @Override
    public FeedbackEvent withUserId(String pseudonym) {
        return new FeedbackCommented(eventId, conversationId, occurredAt, responseId, pseudonym, text, rating);
    }
}
