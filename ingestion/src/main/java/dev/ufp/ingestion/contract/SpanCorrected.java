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
        @NotBlank @Size(max = Limits.ID_MAX) String eventId,
        @NotBlank @Size(max = Limits.ID_MAX) String conversationId,
        @NotNull Instant occurredAt,
        @NotBlank @Size(max = Limits.ID_MAX) String responseId,
        @NotBlank @Size(max = Limits.USER_ID_MAX) String userId,
        @NotNull @PositiveOrZero Integer start,
        @NotNull @PositiveOrZero Integer end,
        @NotNull @Size(max = Limits.TEXT_MAX) String correction) implements FeedbackEvent, UserAttributed, ResponseTargeted {

    @Override
    public FeedbackEvent withUserId(String pseudonym) {
        return new SpanCorrected(eventId, conversationId, occurredAt, responseId, pseudonym, start, end, correction);
    }
}
