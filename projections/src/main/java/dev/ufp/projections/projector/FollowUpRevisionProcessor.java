package dev.ufp.projections.projector;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.ufp.ingestion.contract.EventMetadata;
import dev.ufp.ingestion.contract.PromptSubmitted;
import dev.ufp.ingestion.deadletter.DeadLetters;
import dev.ufp.projections.elastic.IndexAdmin;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The second stage of follow-up classification: an Axon streaming processor of its own (group {@value #GROUP},
 * own tracking token, tuned under {@code axon.eventhandling.processors.feedback-follow-up-revisions.*}) that
 * follows the live projection and replaces each follow-up's first-stage (lexical) verdict with the configured
 * classifier's ({@link FollowUpRevision}), so the live projection never waits on the encoder. It only revises
 * what the live projection has applied: a batch first waits (at most a few seconds) until
 * {@value FeedbackProjector#GROUP} is past it on this node; a follow-up the documents then show as not applied (and
 * not parked in that processor's dead-letter queue) fails the batch after the others are revised, and the batch is
 * retried with back-off. On when {@code feedback.projections.two-stage-follow-ups} is true (the
 * default) and the classifier is not the lexical one.
 */
@Component
@ProcessingGroup(FollowUpRevisionProcessor.GROUP)
@ConditionalOnExpression("${feedback.projections.two-stage-follow-ups:true}"
        + " and '${feedback.projections.follow-up-classifier:minilm}' != 'lexical'")
class FollowUpRevisionProcessor {

    static final String GROUP = "feedback-follow-up-revisions";
    private static final String BATCH = FollowUpRevisionProcessor.class.getName() + ".batch";
    static final Duration WAIT_FOR_PROJECTION = Duration.ofSeconds(5);

    private record Pending(String sequence, long position, Projector.TenantEvent event) {
    }

    private final Projector projector;
    private final FollowUpRevision revision;
    private final ElasticsearchClient client;
    private final IndexAdmin indexAdmin;
    private final DocumentCache cache;
    private final ProjectedPosition projected;
    private final DeadLetters deadLetters;

    FollowUpRevisionProcessor(Projector projector, ElasticsearchClient client, IndexAdmin indexAdmin,
                              DocumentCache cache, ProjectedPosition projected, DeadLetters deadLetters) {
        this.projector = projector;
        this.revision = projector.revision();
        this.client = client;
        this.indexAdmin = indexAdmin;
        this.cache = cache;
        this.projected = projected;
        this.deadLetters = deadLetters;
    }

    @EventHandler
    void on(PromptSubmitted prompt, @MetaDataValue(EventMetadata.TENANT) String tenant, EventMessage<?> message,
            TrackingToken token) {
        if (prompt.followsResponseId() == null || !projector.twoStage()) {
            return;
        }
        String sequence = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                : message.getIdentifier();
        pending().add(new Pending(sequence, token == null ? -1 : token.position().orElse(-1),
                Projector.TenantEvent.of(tenant, prompt)));
    }

    private List<Pending> pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            List<Pending> events = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> revise(events));
            return events;
        });
    }

    private void revise(List<Pending> events) {
        long last = events.stream().mapToLong(Pending::position).max().orElse(-1);
        try {
            // usually returns once the live batch is written; if this node does not hold every segment of the
            // live projection it gives up after a while, and the documents themselves tell what was applied
            projected.awaitPast(last, WAIT_FOR_PROJECTION);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotProjectedYet("interrupted while waiting for the live projection");
        }
        indexAdmin.ensureOnce();
        FollowUpRevision.Outcome outcome = write(events.stream().map(Pending::event).toList());
        Map<String, String> sequences = new HashMap<>();
        events.forEach(p -> sequences.put(p.event().event().eventId(), p.sequence()));
        List<String> missing = outcome.waiting().stream().map(e -> sequences.get(e.event().eventId()))
                .filter(sequence -> !deadLetters.contains(FeedbackProjector.GROUP, sequence)).toList();
        if (!missing.isEmpty()) {
            throw new NotProjectedYet(missing.size() + " follow-ups (first in conversation " + missing.get(0)
                    + ") are not projected yet");
        }
    }

    private FollowUpRevision.Outcome write(List<Projector.TenantEvent> events) {
        for (int attempt = 0; ; attempt++) {
            ProjectionBatch batch = new ProjectionBatch(client, indexAdmin.aliases(), cache);
            FollowUpRevision.Outcome outcome = revision.reviseAll(events, batch);
            try {
                batch.flush();
                return outcome;
            } catch (ProjectionBatch.ProjectionWriteException e) {
                if (!e.conflict() || attempt >= FeedbackProjector.CONFLICT_RETRIES) {
                    throw e;
                }
            }
        }
    }

    /** The live projection has not applied a follow-up of this batch yet: the batch is retried with back-off. */
    static final class NotProjectedYet extends RuntimeException {
        NotProjectedYet(String message) {
            super(message, null, false, false);
        }
    }
}
