package dev.ufp.ingestion.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An assistant response to a turn; {@code regenerates} names the response it replaces. */
@Revision("1")
public record ResponseGenerated(
        @NotBlank @Identifier String eventId,
        @NotBlank @Identifier String conversationId,
        @NotNull @EventTime Instant occurredAt,
        @NotBlank @Identifier String responseId,
        @NotBlank @Identifier String turnId,
        @NotNull @Size(max = Limits.TEXT_MAX) @StorableText String text,
        @NotBlank @Size(max = Limits.SHORT_TEXT_MAX) @Printable String model,
        @Size(max = Limits.SHORT_TEXT_MAX) @Printable String modelVersion,
        @Size(max = Limits.SHORT_TEXT_MAX) @Printable String variant,
        @Identifier String regenerates,
        @PositiveOrZero Long latencyMs,
        @PositiveOrZero Integer promptTokens,
        @PositiveOrZero Integer completionTokens) implements FeedbackEvent, ResponseTargeted {
}
