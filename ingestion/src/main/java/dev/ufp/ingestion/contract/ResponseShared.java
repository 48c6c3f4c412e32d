package dev.ufp.ingestion.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record ResponseShared(
        @NotBlank @Size(max = Limits.ID_MAX) String eventId,
        @NotBlank @Size(max = Limits.ID_MAX) String conversationId,
        @NotNull Instant occurredAt,
        @NotBlank @Size(max = Limits.ID_MAX) String responseId,
        @NotBlank @Size(max = Limits.USER_ID_MAX) String userId) implements FeedbackEvent, UserAttributed, ResponseTargeted {

    @Override
    public FeedbackEvent withUserId(String pseudonym) {
        return new ResponseShared(eventId, conversationId, occurredAt, responseId, pseudonym);
    }
}
