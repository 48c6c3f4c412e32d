package dev.ufp.ingestion.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The user corrected the characters {@code [start, end)} of a response. */
@Revision("1")
public record SpanCorrected(
        @NotBlank @Identifier String eventId,
        @NotBlank @Identifier String conversationId,
        @NotNull @EventTime Instant occurredAt,
        @NotBlank @Identifier String responseId,
        @NotBlank @Size(max = Limits.USER_ID_MAX) @Printable String userId,
        @NotNull @PositiveOrZero Integer start,
        @NotNull @PositiveOrZero Integer end,
        @NotNull @Size(max = Limits.TEXT_MAX) @StorableText String correction) implements FeedbackEvent, UserAttributed, ResponseTargeted {

    @Override
    public FeedbackEvent withUserId(String pseudonym) {
        return new SpanCorrected(eventId, conversationId, occurredAt, responseId, pseudonym, start, end, correction);
    }
}
