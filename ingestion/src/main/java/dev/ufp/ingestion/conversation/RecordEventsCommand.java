package dev.ufp.ingestion.conversation;

import dev.ufp.ingestion.contract.FeedbackEvent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

/**
 * Record validated, pseudonymised events of one conversation — all of a batch's events for that conversation, in
 * the order they were submitted. One command per conversation per batch keeps Axon's per-message cost off the
 * per-event path; the aggregate returns one outcome per event, in the same order.
 */
public record RecordEventsCommand(@TargetAggregateIdentifier String conversationKey,
                                  List<FeedbackEvent> events,
                                  Map<String, String> metadata) {

    public RecordEventsCommand {
        events = List.copyOf(events);
        metadata = Map.copyOf(metadata);
    }

    public static RecordEventsCommand of(String tenant, String conversationId, List<FeedbackEvent> events,
                                         Map<String, String> metadata) {
        return new RecordEventsCommand(new ConversationKey(tenant, conversationId).asString(), events, metadata);
    }
}
