package dev.ufp.ingestion.contract;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Map;

@Revision("1")
public record ConversationStarted(
        @NotBlank @Identifier String eventId,
        @NotBlank @Identifier String conversationId,
        @NotNull @EventTime Instant occurredAt,
        @NotBlank @Size(max = Limits.USER_ID_MAX) @Printable String userId,
        @Size(max = Limits.SHORT_TEXT_MAX) @Printable String app,
        @Size(max = Limits.SHORT_TEXT_MAX) @Printable String locale,
        @AttributeCount
        Map<@AttributeName String,
                @NotNull @Size(max = Limits.ATTRIBUTE_VALUE_MAX) @Printable String> attributes)
        implements FeedbackEvent, UserAttributed {

    public ConversationStarted {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    @Override
    public FeedbackEvent withUserId(String pseudonym) {
        return new ConversationStarted(eventId, conversationId, occurredAt, pseudonym, app, locale, attributes);
    }
}
