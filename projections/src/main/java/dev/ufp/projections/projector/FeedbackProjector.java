package dev.ufp.projections.projector;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.ufp.ingestion.contract.EventMetadata;
import dev.ufp.ingestion.contract.FeedbackEvent;
import dev.ufp.ingestion.deadletter.Quarantine;
import dev.ufp.projections.elastic.IndexAdmin;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live projection: an Axon streaming processor (group {@value #GROUP}, tuned under
 * {@code axon.eventhandling.processors.feedback-projections.*}). The handler only collects the batch's events;
 * when the batch commits they are applied together ({@link Projector#applyAll}: one {@code _mget} for the
 * documents they name, one classifier call for their follow-ups) and written in one bulk request.
 * <p>
 * A write that fails for a reason that heals (Elasticsearch down, overloaded) fails the batch, which the processor
 * retries from its last token; re-applied events give identical documents. When Elasticsearch refuses a document
 * for good, the batch is written again conversation by conversation: the conversations that go through are
 * written, the first event of each one that does not is {@link Quarantine#mark marked}, and the batch fails once
 * more; on the redelivery that event goes to the dead-letter queue, its conversation's later events queue behind
 * it, and every other conversation is projected.
 */
@Component
@ProcessingGroup(FeedbackProjector.GROUP)
class FeedbackProjector {

    static final String GROUP = "feedback-projections";
    private static final String BATCH = FeedbackProjector.class.getName() + ".batch";

    /** One collected event: its message id (what a quarantine mark names) and its conversation (its sequence). */
    private record Pending(String messageId, String sequence, Projector.TenantEvent event) {
    }

    /** Times a batch is applied again at once when another writer changed one of its documents meanwhile. */
    static final int CONFLICT_RETRIES = 3;

    private final Projector projector;
    private final ElasticsearchClient client;
    private final IndexAdmin indexAdmin;
    private final Quarantine quarantine;
    private final DocumentCache cache;
    private final ProjectedPosition projected;

    FeedbackProjector(Projector projector, ElasticsearchClient client, IndexAdmin indexAdmin, Quarantine quarantine,
                      DocumentCache cache, ProjectedPosition projected) {
        this.projector = projector;
        this.client = client;
        this.indexAdmin = indexAdmin;
        this.quarantine = quarantine;
        this.cache = cache;
        this.projected = projected;
    }

    @EventHandler
    void on(FeedbackEvent event, @MetaDataValue(EventMetadata.TENANT) String tenant, EventMessage<?> message) {
        quarantine.check(message);
        String sequence = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                : message.getIdentifier();
        pending().add(new Pending(message.getIdentifier(), sequence, Projector.TenantEvent.of(tenant, event)));
    }

    /** The current unit of work's events: the processor's batch, or one dead letter being retried. */
    private List<Pending> pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            List<Pending> events = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> project(events));
            unitOfWork.afterCommit(u -> projected.advanced());
            return events;
        });
    }

    private void project(List<Pending> events) {
        indexAdmin.ensureOnce();
        try {
            write(events);
        } catch (RuntimeException e) {
            if (ProjectionFailures.retryable(e) || Quarantine.retryingDeadLetter()) {
                throw e;
            }
            isolate(events, e);
        }
    }

    /**
     * Applies and writes the events; a write another writer overtook (409: the abandonment sweep, P[Love] scoring,
     * the follow-up revisions) is applied again at once on the documents read afresh, a few times, before the
     * batch fails. A dead letter being retried is applied with the final follow-up classifier (no second stage
     * will see it again); live batches with the first stage's when follow-ups are classified in two stages.
     */
    private void write(List<Pending> events) {
        List<Projector.TenantEvent> tenantEvents = events.stream().map(Pending::event).toList();
        for (int attempt = 0; ; attempt++) {
            ProjectionBatch batch = new ProjectionBatch(client, indexAdmin.aliases(), cache);
            if (Quarantine.retryingDeadLetter()) {
                projector.applyAll(tenantEvents, batch);
            } else {
                projector.applyAllFirstStage(tenantEvents, batch);
            }
            try {
                batch.flush();
                return;
            } catch (ProjectionBatch.ProjectionWriteException e) {
                if (!e.conflict() || attempt >= CONFLICT_RETRIES) {
                    throw e;
                }
            }
        }
    }

    /**
     * Writes the batch conversation by conversation (in order; a conversation's documents never depend on another
     * conversation's), marks the first event of each conversation that fails for good, and fails the batch if any
     * did. A transient failure on the way fails the batch as usual.
     */
    private void isolate(List<Pending> events, RuntimeException batchFailure) {
        Map<String, List<Pending>> bySequence = new LinkedHashMap<>();
        events.forEach(e -> bySequence.computeIfAbsent(e.sequence(), k -> new ArrayList<>()).add(e));
        int refused = 0;
        for (List<Pending> conversation : bySequence.values()) {
            try {
                write(conversation);
            } catch (RuntimeException e) {
                if (ProjectionFailures.retryable(e)) {
                    throw e;
                }
                quarantine.mark(conversation.get(0).messageId(), e.getMessage());
                refused++;
            }
        }
        if (refused > 0) {
            throw new PoisonFound(refused, bySequence.size(), batchFailure);
        }
    }

    /** The batch is redelivered so the marked events go to the dead-letter queue. */
    static final class PoisonFound extends RuntimeException {
        PoisonFound(int refused, int conversations, RuntimeException cause) {
            super(refused + " of " + conversations + " conversations of the batch cannot be projected ("
                    + cause.getMessage() + "); their events go to the dead-letter queue on redelivery", null,
                    false, false);
        }
    }
}
