package dev.ufp.projections.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ufp.ingestion.contract.ConversationStarted;
import dev.ufp.ingestion.contract.FeedbackEvent;
import dev.ufp.ingestion.contract.PromptSubmitted;
import dev.ufp.ingestion.contract.Reaction;
import dev.ufp.ingestion.contract.ReactionAdded;
import dev.ufp.ingestion.contract.ResponseGenerated;
import dev.ufp.projections.elastic.IndexSet;
import dev.ufp.projections.projector.DocumentCache;
import dev.ufp.projections.projector.ProjectionBatch;
import dev.ufp.projections.projector.Projector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link ProjectionBatch} over a {@link DocumentCache}: a batch whose documents the projection wrote recently reads
 * nothing and writes only the documents and signals that changed, and the indices end up exactly as without the
 * cache; another writer's change is never lost (the stale write is refused, the entries dropped, the batch redone on
 * fresh reads); a document read from Elasticsearch has all its signals written. Generations of their own: these
 * documents are not in the event store.
 */
class DocumentCacheIntegrationTest extends ProjectionsIntegrationSupport {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
    private static final int CONVERSATIONS = 5;

    @Autowired
    private Projector projector;

    private final String tenant = "cache-" + UUID.randomUUID().toString().substring(0, 8);
    private final DocumentCache cache = DocumentCache.ofMaxBytes(16 << 20);
    private IndexSet cached;
    private IndexSet plain;

    @BeforeEach
    void generations() throws IOException {
        cached = indexAdmin.createGeneration();
        plain = indexAdmin.createGeneration();
    }

    @AfterEach
    void drop() throws IOException {
        indexAdmin.delete(cached);
        indexAdmin.delete(plain);
    }

    @Test
    void aCachedBatchReadsNothingWritesOnlyWhatChangedAndLeavesTheSameDocuments() throws IOException {
        List<List<Projector.TenantEvent>> batches = List.of(started(), reactions("x", "alice", Reaction.LOVE, 3),
                reactions("y", "bob", Reaction.THUMBS_UP, 4));
        for (List<Projector.TenantEvent> batch : batches) {
            apply(plain, DocumentCache.none(), batch);
        }
        apply(cached, cache, batches.get(0));
        apply(cached, cache, batches.get(1));

        ProjectionBatch third = apply(cached, cache, batches.get(2));
        assertThat(third.readRequests()).as("reads of documents the projection just wrote").isZero();
        assertThat(third.cacheHits()).as("responses and conversations from the cache").isEqualTo(2 * CONVERSATIONS);
        // per conversation: the response, its one new reaction signal and the conversation; not alice's signal
        assertThat(third.writes()).as("bulk operations").isEqualTo(3 * CONVERSATIONS);
        assertThat(third.unchanged()).as("alice's reaction signals, unchanged").isEqualTo(CONVERSATIONS);
        assertSameDocuments();

        ProjectionBatch again = apply(cached, cache, batches.get(2));
        assertThat(again.writes()).as("writes of a redelivered batch").isZero();
        assertSameDocuments();
    }

    @Test
    void anotherWritersChangeFailsTheStaleWriteAndTheRedoneBatchKeepsIt() throws IOException {
        apply(cached, cache, started());
        String id = tenant + ":c0:r1";
        ObjectNode changed = (ObjectNode) document(cached.responses(), id);
        changed.put("pLove", 0.75);
        changed.put("pLoveModel", "rm-test");
        elasticsearch.index(i -> i.index(cached.responses()).id(id).document(changed));

        List<Projector.TenantEvent> reactions = reactions("x", "alice", Reaction.LOVE, 3);
        ProjectionBatch stale = new ProjectionBatch(elasticsearch, cached, cache);
        projector.applyAll(reactions, stale);
        assertThatThrownBy(stale::flush).isInstanceOfSatisfying(ProjectionBatch.ProjectionWriteException.class,
                e -> assertThat(e.conflict()).as(e.getMessage()).isTrue());

        ProjectionBatch redone = apply(cached, cache, reactions);
        assertThat(redone.readRequests()).as("the failed batch's documents are read afresh").isEqualTo(1);
        JsonNode response = document(cached.responses(), id);
        assertThat(response.get("pLove").asDouble()).isEqualTo(0.75);
        assertThat(response.get("loved").asBoolean()).isTrue();
    }

    @Test
    void aResponseReadFromElasticsearchHasAllItsSignalsWritten() throws IOException {
        apply(cached, cache, started());
        apply(cached, cache, reactions("x", "alice", Reaction.LOVE, 3));
        String signal = tenant + ":c0:r1:reaction:alice:x0";
        assertThat(document(cached.signals(), signal)).isNotNull();
        // a batch interrupted between the response and its signals (a bulk request is not atomic)
        elasticsearch.delete(d -> d.index(cached.signals()).id(signal));

        ProjectionBatch warm = apply(cached, cache, reactions("x", "alice", Reaction.LOVE, 3));
        assertThat(warm.writes()).as("nothing changed as far as the cache knows").isZero();
        assertThat(document(cached.signals(), signal)).isNull();

        ProjectionBatch cold = apply(cached, DocumentCache.ofMaxBytes(16 << 20), reactions("x", "alice", Reaction.LOVE, 3));
        assertThat(cold.readRequests()).isEqualTo(1);
        assertThat(document(cached.signals(), signal)).as("written again with its response").isNotNull();
    }

    private ProjectionBatch apply(IndexSet indices, DocumentCache documents, List<Projector.TenantEvent> events) {
        ProjectionBatch batch = new ProjectionBatch(elasticsearch, indices, documents);
        projector.applyAll(events, batch);
        batch.flush();
        return batch;
    }

    private void assertSameDocuments() throws IOException {
        assertThat(sources(cached.responses())).isEqualTo(sources(plain.responses()));
        assertThat(sources(cached.signals())).isEqualTo(sources(plain.signals()));
        assertThat(sources(cached.conversations())).isEqualTo(sources(plain.conversations()));
    }

    private Map<String, JsonNode> sources(String index) throws IOException {
        Map<String, JsonNode> documents = new TreeMap<>(all(index));
        assertThat(documents).isNotEmpty();
        return documents;
    }

    private List<Projector.TenantEvent> started() {
        List<Projector.TenantEvent> events = new ArrayList<>();
        for (int c = 0; c < CONVERSATIONS; c++) {
            String conversation = "c" + c;
            events.add(event(new ConversationStarted("s" + c, conversation, T0, "u", "app", "en", Map.of())));
            events.add(event(new PromptSubmitted("p" + c, conversation, T0.plusSeconds(1), "t1", "Hi?", null)));
            events.add(event(new ResponseGenerated("g" + c, conversation, T0.plusSeconds(2), "r1", "t1", "Hello.",
                    "m1", null, null, null, 1L, 1, 1)));
        }
        return events;
    }

    private List<Projector.TenantEvent> reactions(String prefix, String user, Reaction reaction, int second) {
        List<Projector.TenantEvent> events = new ArrayList<>();
        for (int c = 0; c < CONVERSATIONS; c++) {
            events.add(event(new ReactionAdded(prefix + c, "c" + c, T0.plusSeconds(second), "r1", user, reaction,
                    null)));
        }
        return events;
    }

    private Projector.TenantEvent event(FeedbackEvent event) {
        return new Projector.TenantEvent(tenant, event);
    }
}
