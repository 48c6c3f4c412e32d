package dev.ufp.mining.reward;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import dev.ufp.ingestion.contract.EventMetadata;
import dev.ufp.ingestion.contract.ResponseGenerated;
import dev.ufp.ingestion.deadletter.DeadLetters;
import dev.ufp.ingestion.deadletter.RetryBatch;
import dev.ufp.ingestion.deadletter.UnprocessableEvent;
import dev.ufp.mining.candidates.ResponseSource;
import dev.ufp.projections.elastic.IndexAdmin;
import dev.ufp.projections.elastic.IndexSet;
import dev.ufp.projections.model.ConversationDocument;
import dev.ufp.projections.model.ResponseDocument;
import dev.ufp.projections.projector.Documents;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * P[Love] for new responses: an Axon streaming processor (group {@value #GROUP}) that, when the tenant has a reward
 * model, scores each generated response (prompt, context and text as projected) and writes {@code pLove},
 * {@code pLoveSpread} and {@code pLoveModel} into its {@code feedback-responses} document with a partial update.
 * A tenant without a model costs a cached lookup. A response not projected yet, or Elasticsearch down, fails the
 * batch, which the processor retries with back-off; a response whose projection is parked in the
 * {@code feedback-projections} dead-letter queue, or an update Elasticsearch refuses for good, parks the event in
 * this processor's own dead-letter queue, and the other conversations go on. Replays score history with the latest model.
 * An index created before these fields were mapped gets them added to its (strict) mapping on first use.
 */
@Component
@ProcessingGroup(RewardScoringProcessor.GROUP)
class RewardScoringProcessor {

    static final String GROUP = "reward-scoring";
    private static final int CONFLICT_RETRIES = 5;
    private static final Logger log = LoggerFactory.getLogger(RewardScoringProcessor.class);

    static final String PROJECTIONS_GROUP = "feedback-projections";

    private final RewardScorer scorer;
    private final ElasticsearchClient client;
    private final IndexAdmin indexAdmin;
    private final DeadLetters deadLetters;

    RewardScoringProcessor(RewardScorer scorer, ElasticsearchClient client, IndexAdmin indexAdmin,
                           DeadLetters deadLetters) {
        this.scorer = scorer;
        this.client = client;
        this.indexAdmin = indexAdmin;
        this.deadLetters = deadLetters;
    }

    @EventHandler
    void on(ResponseGenerated event, @MetaDataValue(EventMetadata.TENANT) String tenant, EventMessage<?> message) {
        if (tenant == null) {
            return;
        }
        Optional<String> model = scorer.latestModelId(tenant);
        if (model.isEmpty()) {
            return;
        }
        try {
            score(event, tenant, model.get(), message);
        } catch (IOException e) {
            RetryBatch.failAtCommit(new UncheckedIOException("Elasticsearch unavailable for reward scoring: "
                    + e.getMessage(), e));
        } catch (ElasticsearchException e) {
            if (!retryable(e.status())) {
                throw new UnprocessableEvent("Elasticsearch refused the P[Love] update: " + e.getMessage());
            }
            RetryBatch.failAtCommit(e);
        }
    }

    private void score(ResponseGenerated event, String tenant, String model, EventMessage<?> message)
            throws IOException {
        IndexSet indices = indexAdmin.aliases();
        String id = Documents.responseId(tenant, event.conversationId(), event.responseId());
        GetResponse<ResponseDocument> got = client.get(g -> g.index(indices.responses()).id(id),
                ResponseDocument.class);
        if (!got.found()) {
            notProjected(id, message);
            return;
        }
        GetResponse<ConversationDocument> conversation = client.get(g -> g.index(indices.conversations())
                .id(Documents.conversationId(tenant, event.conversationId())), ConversationDocument.class);
        RewardInput input = RewardInput.of(ResponseSource.candidate(got.source(),
                conversation.found() ? conversation.source() : null));
        Optional<RewardScorer.Scored> scored = scorer.score(tenant, model, List.of(input), ScoreMode.MEAN);
        if (scored.isEmpty()) {
            return; // the model vanished between the two lookups
        }
        EnsembleScore score = scored.get().scores().get(0);
        Map<String, Object> fields = Map.of("pLove", score.pLove(), "pLoveSpread", score.spread(),
                "pLoveModel", scored.get().model());
        try {
            update(indices, id, fields);
        } catch (ElasticsearchException e) {
            if (!"strict_dynamic_mapping_exception".equals(e.error().type())) {
                throw e;
            }
            addFields(indices); // an index created before these fields were mapped
            update(indices, id, fields);
        }
    }

    /**
     * A response the projection has not written: parked here too when the projection parked its conversation
     * (it will not be written until someone retries that), else the projection is only behind — retry the batch.
     */
    private void notProjected(String id, EventMessage<?> message) {
        String sequence = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        if (sequence != null && deadLetters.contains(PROJECTIONS_GROUP, sequence)) {
            throw new UnprocessableEvent("response " + id + " is parked in the " + PROJECTIONS_GROUP
                    + " dead-letter queue; retry it there first, then here");
        }
        RetryBatch.failAtCommit(new ResponseNotProjectedYet(id));
    }

    private static boolean retryable(int status) {
        return status == 409 || status == 429 || status >= 500;
    }

    private void update(IndexSet indices, String id, Map<String, Object> fields) throws IOException {
        client.update(u -> u.index(indices.responses()).id(id).doc(fields).retryOnConflict(CONFLICT_RETRIES),
                Map.class);
    }

    /** Adds the three fields to the mapping of the index behind the alias (allowed on a strict mapping). */
    private void addFields(IndexSet indices) throws IOException {
        log.info("Adding pLove, pLoveSpread and pLoveModel to the mapping of {}", indices.responses());
        client.indices().putMapping(m -> m.index(indices.responses())
                .properties("pLove", p -> p.double_(d -> d))
                .properties("pLoveSpread", p -> p.double_(d -> d))
                .properties("pLoveModel", p -> p.keyword(k -> k)));
    }

    /** Fails the batch so the processor retries: the projection has not written the response yet. */
    static final class ResponseNotProjectedYet extends RuntimeException {
        ResponseNotProjectedYet(String id) {
            super("response " + id + " is not projected yet; retrying");
        }
    }
}
