package dev.ufp.ingestion.api;

import dev.ufp.ingestion.contract.FeedbackEvent;
import dev.ufp.ingestion.conversation.ConversationKey;
import dev.ufp.ingestion.problem.ApiProblem;
import dev.ufp.ingestion.tenancy.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@RestController
class ConversationHistoryController {

    private final EventStore eventStore;

    ConversationHistoryController(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    record StoredEvent(long sequence, Instant storedAt, FeedbackEvent event) {
    }

    record History(String conversationId, List<StoredEvent> events) {
    }

    @Operation(summary = "The stored history of one conversation of the caller's tenant, in order "
            + "(role: analyst or admin). User ids appear pseudonymised.")
    @GetMapping("/v1/conversations/{conversationId}/events")
    History history(Caller caller, @PathVariable String conversationId) {
        String key = new ConversationKey(caller.tenant(), conversationId).asString();
        List<StoredEvent> events = new ArrayList<>();
        eventStore.readEvents(key, 0L).asStream()
                .forEach(m -> events.add(toStored(m)));
        if (events.isEmpty()) {
            throw ApiProblem.notFound("tenant " + caller.tenant() + " has no conversation " + conversationId);
        }
        return new History(conversationId, events);
    }

    private static StoredEvent toStored(DomainEventMessage<?> message) {
        return new StoredEvent(message.getSequenceNumber(), message.getTimestamp(),
                (FeedbackEvent) message.getPayload());
    }
}
