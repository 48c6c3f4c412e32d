package dev.ufp.ingestion.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.serialization.Revision;

import java.time.Instant;

@Revision("1")
public record ConversationClosed(
        @NotBlank @Identifier String eventId,
        @NotBlank @Identifier String conversationId,
        @NotNull @EventTime Instant occurredAt,
        @Size(max = Limits.SHORT_TEXT_MAX) @Printable String reason) implements FeedbackEvent {
}
