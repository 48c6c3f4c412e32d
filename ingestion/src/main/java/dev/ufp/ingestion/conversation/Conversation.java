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

import java.util.Optional;

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

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    RecordOutcome handle(RecordEventCommand command) {
        FeedbackEvent event = command.event();
        if (ConversationRules.isDuplicate(state, event)) {
            return RecordOutcome.DUPLICATE;
        }
        Optional<Rejection> rejection = ConversationRules.check(state, event);
        if (rejection.isPresent()) {
            return RecordOutcome.rejected(rejection.get());
        }
        apply(event, MetaData.from(command.metadata()));
        return RecordOutcome.ACCEPTED;
    }

    @EventSourcingHandler
    void on(FeedbackEvent event, @MetaDataValue(EventMetadata.TENANT) String tenant) {
        if (key == null) {
            key = new ConversationKey(tenant, event.conversationId()).asString();
        }
        state.apply(event);
    }
}
