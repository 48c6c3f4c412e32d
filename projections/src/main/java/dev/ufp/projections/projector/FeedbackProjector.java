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

/**
 * The live projection: an Axon streaming processor (group {@value #GROUP}, tuned under
 * {@code axon.eventhandling.processors.feedback-projections.*}) that applies each event to a batch of documents
 * and writes the whole batch in one bulk request when the batch commits. A failed write fails the batch, which
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
        projector.apply(tenant == null ? "_unknown" : tenant, event, batch());
    }

    private ProjectionBatch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            indexAdmin.ensureOnce();
            ProjectionBatch batch = new ProjectionBatch(client, indexAdmin.aliases());
            unitOfWork.onPrepareCommit(u -> batch.flush());
            return batch;
        });
    }
}
