package dev.ufp.mining.reward;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import dev.ufp.ingestion.contract.EventMetadata;
import dev.ufp.ingestion.contract.ResponseGenerated;
import dev.ufp.mining.candidates.ResponseSource;
import dev.ufp.projections.elastic.IndexAdmin;
import dev.ufp.projections.elastic.IndexSet;
import dev.ufp.projections.model.ConversationDocument;
import dev.ufp.projections.model.ResponseDocument;
import dev.ufp.projections.projector.Documents;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
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
 * A tenant without a model costs a cached lookup. A response not projected yet fails the event, which the
 * processor retries with back-off (see {@link RewardConfiguration}). Replays score history with the latest model.
 * An index created before these fields were mapped gets them added to its (strict) mapping on first use.
 */
@Component
@ProcessingGroup(RewardScoringProcessor.GROUP)
class RewardScoringProcessor {

    static final String GROUP = "reward-scoring";
    private static final int CONFLICT_RETRIES = 5;
    private static final Logger log = LoggerFactory.getLogger(RewardScoringProcessor.class);

    private final RewardScorer scorer;
    private final ElasticsearchClient client;
    private final IndexAdmin indexAdmin;

    RewardScoringProcessor(RewardScorer scorer, ElasticsearchClient client, IndexAdmin indexAdmin) {
        this.scorer = scorer;
        this.client = client;
        this.indexAdmin = indexAdmin;
    }

    @EventHandler
    void on(ResponseGenerated event, @MetaDataValue(EventMetadata.TENANT) String tenant) {
        if (tenant == null) {
            return;
        }
        Optional<String> model = scorer.latestModelId(tenant);
        if (model.isEmpty()) {
            return;
        }
        IndexSet indices = indexAdmin.aliases();
        String id = Documents.responseId(tenant, event.conversationId(), event.responseId());
        try {
            GetResponse<ResponseDocument> got = client.get(g -> g.index(indices.responses()).id(id),
                    ResponseDocument.class);
            if (!got.found()) {
                throw new ResponseNotProjectedYet(id);
            }
            GetResponse<ConversationDocument> conversation = client.get(g -> g.index(indices.conversations())
                    .id(Documents.conversationId(tenant, event.conversationId())), ConversationDocument.class);
            RewardInput input = RewardInput.of(ResponseSource.candidate(got.source(),
                    conversation.found() ? conversation.source() : null));
            Optional<RewardScorer.Scored> scored = scorer.score(tenant, model.get(), List.of(input), ScoreMode.MEAN);
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
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch unavailable for reward scoring: " + e.getMessage(), e);
        }
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

    /** Thrown so the processor retries: the projection has not written the response yet. */
    static final class ResponseNotProjectedYet extends RuntimeException {
        ResponseNotProjectedYet(String id) {
            super("response " + id + " is not projected yet; retrying");
        }
    }
}
