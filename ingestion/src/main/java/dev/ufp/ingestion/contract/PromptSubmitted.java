package dev.ufp.ingestion.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A user utterance; {@code followsResponseId} marks it as the follow-up to that assistant response. */
@Revision("1")
public record PromptSubmitted(
        @NotBlank @Identifier String eventId,
        @NotBlank @Identifier String conversationId,
        @NotNull @EventTime Instant occurredAt,
        @NotBlank @Identifier String turnId,
        @NotNull @Size(max = Limits.TEXT_MAX) @StorableText String text,
        @Identifier String followsResponseId) implements FeedbackEvent {
}
