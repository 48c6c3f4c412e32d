package dev.ufp.ingestion.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record ConversationClosed(
        @NotBlank @Size(max = Limits.ID_MAX) String eventId,
        @NotBlank @Size(max = Limits.ID_MAX) String conversationId,
        @NotNull Instant occurredAt,
        @Size(max = Limits.SHORT_TEXT_MAX) String reason) implements FeedbackEvent {
}
