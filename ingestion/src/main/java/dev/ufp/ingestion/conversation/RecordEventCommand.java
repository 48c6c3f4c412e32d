package dev.ufp.ingestion.conversation;

import dev.ufp.ingestion.contract.FeedbackEvent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** Record one validated, pseudonymised event in its conversation. */
public record RecordEventCommand(@TargetAggregateIdentifier String conversationKey,
                                 FeedbackEvent event,
                                 Map<String, String> metadata) {

    public static RecordEventCommand of(String tenant, FeedbackEvent event, Map<String, String> metadata) {
        return new RecordEventCommand(new ConversationKey(tenant, event.conversationId()).asString(), event, metadata);
    }
}
