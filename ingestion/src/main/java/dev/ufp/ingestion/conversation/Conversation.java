package dev.ufp.ingestion.conversation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import dev.ufp.ingestion.contract.EventMetadata;
import dev.ufp.ingestion.contract.FeedbackEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One chat conversation of one tenant. Every event is checked against {@link ConversationRules}; the outcome
 * is returned, so a rejected event never rolls back a transaction shared with its neighbours.
 */
@Aggregate(cache = "conversationCache", snapshotTriggerDefinition = "conversationSnapshotTrigger",
        commandTargetResolver = ConversationTargetResolver.NAME)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Conversation {

    @AggregateIdentifier
    private String key;
    private ConversationState state = new ConversationState();

    Conversation() {
        // for Axon and Jackson
    }

    /**
     * Decides every event of the command against a working copy of the state, in order; events rejected as
     * retryable (their target comes later in the same command) are decided again after the others, for as long
     * as a pass changes anything. Accepted events are applied in the order they were accepted.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<RecordOutcome> handle(RecordEventsCommand command) {
        ConversationState working = state.copy();
        MetaData metaData = MetaData.from(command.metadata());
        List<FeedbackEvent> events = command.events();
        RecordOutcome[] outcomes = new RecordOutcome[events.size()];
        List<Integer> open = IntStream.range(0, events.size()).boxed().toList();
        boolean progress = true;
        while (!open.isEmpty() && progress) {
            List<Integer> retry = new ArrayList<>();
            for (int i : open) {
                FeedbackEvent event = events.get(i);
                outcomes[i] = decide(working, event);
                if (outcomes[i].status() == RecordOutcome.Status.ACCEPTED) {
                    working.apply(event);
                    apply(event, metaData);
                } else if (outcomes[i].retryable()) {
                    retry.add(i);
                }
            }
            progress = retry.size() < open.size();
            open = retry;
        }
        return List.of(outcomes);
    }

    private static RecordOutcome decide(ConversationState state, FeedbackEvent event) {
        if (ConversationRules.isDuplicate(state, event)) {
            return RecordOutcome.DUPLICATE;
        }
        return ConversationRules.check(state, event).map(RecordOutcome::rejected).orElse(RecordOutcome.ACCEPTED);
    }

    @EventSourcingHandler
    void on(FeedbackEvent event, @MetaDataValue(EventMetadata.TENANT) String tenant) {
        if (key == null) {
            key = new ConversationKey(tenant, event.conversationId()).asString();
        }
        state.apply(event);
    }
}
