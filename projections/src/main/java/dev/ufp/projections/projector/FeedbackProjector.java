package dev.ufp.projections.projector;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.ufp.ingestion.contract.EventMetadata;
import dev.ufp.ingestion.contract.FeedbackEvent;
import dev.ufp.projections.elastic.IndexAdmin;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The live projection: an Axon streaming processor (group {@value #GROUP}, tuned under
 * {@code axon.eventhandling.processors.feedback-projections.*}). The handler only collects the batch's events;
 * when the batch commits they are applied together ({@link Projector#applyAll}: one {@code _mget} for the
 * documents they name, one classifier call for their follow-ups) and written in one bulk request. A failed write fails the batch, which
 * the processor retries from its last token; re-applied events give identical documents.
 */
@Component
@ProcessingGroup(FeedbackProjector.GROUP)
class FeedbackProjector {

    static final String GROUP = "feedback-projections";
    private static final String BATCH = FeedbackProjector.class.getName() + ".batch";

    private final Projector projector;
    private final ElasticsearchClient client;
    private final IndexAdmin indexAdmin;

    FeedbackProjector(Projector projector, ElasticsearchClient client, IndexAdmin indexAdmin) {
        this.projector = projector;
        this.client = client;
        this.indexAdmin = indexAdmin;
    }

    @EventHandler
    void on(FeedbackEvent event, @MetaDataValue(EventMetadata.TENANT) String tenant) {
        pending().add(Projector.TenantEvent.of(tenant, event));
    }

    private List<Projector.TenantEvent> pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            List<Projector.TenantEvent> events = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> project(events));
            return events;
        });
    }

    private void project(List<Projector.TenantEvent> events) {
        indexAdmin.ensureOnce();
        ProjectionBatch batch = new ProjectionBatch(client, indexAdmin.aliases());
        projector.applyAll(events, batch);
        batch.flush();
    }
}
