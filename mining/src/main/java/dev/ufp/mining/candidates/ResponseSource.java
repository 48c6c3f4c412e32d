package dev.ufp.mining.candidates;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.ufp.mining.dataset.Turn;
import dev.ufp.projections.elastic.IndexAdmin;
import dev.ufp.projections.elastic.IndexSet;
import dev.ufp.projections.model.ConversationDocument;
import dev.ufp.projections.model.ResponseDocument;
import dev.ufp.projections.model.SignalDocument;
import dev.ufp.projections.projector.Documents;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Scans a tenant's {@code feedback-responses} in pages (a point in time with {@code search_after}, so the scan is
 * consistent while the projection goes on writing), fetching each page's conversations in one {@code _mget} for
 * the context. Responses without a prompt text (their prompt was never projected) are skipped.
 */
@Component
public class ResponseSource {

    private static final int PAGE = 1000;
    private static final String KEEP_ALIVE = "5m";

    private final ElasticsearchClient client;
    private final IndexAdmin indices;

    public ResponseSource(ElasticsearchClient client, IndexAdmin indices) {
        this.client = client;
        this.indices = indices;
    }

    /** How many responses the tenant has projected (for progress and ETA). */
    public long count(String tenant) {
        try {
            return client.count(c -> c.index(indices.aliases().responses())
                    .query(q -> q.term(t -> t.field("tenant").value(tenant)))).count();
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * A cheap fingerprint of everything mining reads for the tenant: response count and the sums of scores, active
     * signals and reactions. A new response, signal, retraction or reaction changes it (short of exact
     * cancellation, which the next change undoes).
     */
    public String fingerprint(String tenant) {
        try {
            IndexSet aliases = indices.aliases();
            client.indices().refresh(r -> r.index(aliases.responses()));
            SearchResponse<Void> result = client.search(s -> s.index(aliases.responses()).size(0)
                    .trackTotalHits(t -> t.enabled(true))
                    .query(q -> q.term(t -> t.field("tenant").value(tenant)))
                    .aggregations("score", a -> a.sum(m -> m.field("signalScore")))
                    .aggregations("signals", a -> a.sum(m -> m.field("activeSignals")))
                    .aggregations("reactions", a -> a.sum(m -> m.field("reactionTotal"))), Void.class);
            return result.hits().total().value() + "|" + sum(result, "score") + "|" + sum(result, "signals") + "|"
                    + sum(result, "reactions");
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch unavailable: " + e.getMessage(), e);
        }
    }

    private static String sum(SearchResponse<Void> result, String name) {
        return String.format(Locale.ROOT, "%.4f", result.aggregations().get(name).sum().value());
    }

    /** Hands every candidate of the tenant to {@code sink}, one page at a time. */
    public void scan(String tenant, Consumer<List<CandidateResponse>> sink) {
        try {
            IndexSet aliases = indices.aliases();
            client.indices().refresh(r -> r.index(aliases.responses(), aliases.conversations()));
            String pit = client.openPointInTime(p -> p.index(aliases.responses()).keepAlive(k -> k.time(KEEP_ALIVE)))
                    .id();
            try {
                List<FieldValue> after = null;
                while (true) {
                    List<FieldValue> from = after;
                    SearchResponse<ResponseDocument> page = client.search(s -> {
                        s.size(PAGE).pit(p -> p.id(pit).keepAlive(k -> k.time(KEEP_ALIVE)))
                                .query(q -> q.term(t -> t.field("tenant").value(tenant)))
                                .sort(o -> o.field(f -> f.field("_shard_doc")));
                        if (from != null) {
                            s.searchAfter(from);
                        }
                        return s;
                    }, ResponseDocument.class);
                    List<Hit<ResponseDocument>> hits = page.hits().hits();
                    if (hits.isEmpty()) {
                        return;
                    }
                    sink.accept(candidates(hits.stream().map(Hit::source).toList()));
                    after = hits.get(hits.size() - 1).sort();
                }
            } finally {
                client.closePointInTime(c -> c.id(pit));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch unavailable: " + e.getMessage(), e);
        }
    }

    private List<CandidateResponse> candidates(List<ResponseDocument> responses) throws IOException {
        Set<String> conversationIds = new LinkedHashSet<>();
        responses.forEach(r -> conversationIds.add(conversationDocumentId(r)));
        MgetResponse<ConversationDocument> got = client.mget(m -> m.index(indices.aliases().conversations())
                .ids(new ArrayList<>(conversationIds)), ConversationDocument.class);
        Map<String, ConversationDocument> conversations = new HashMap<>();
        got.docs().forEach(doc -> {
            if (doc.isResult() && doc.result().found()) {
                conversations.put(doc.result().id(), doc.result().source());
            }
        });
        List<CandidateResponse> candidates = new ArrayList<>(responses.size());
        for (ResponseDocument response : responses) {
            if (response.promptText != null && response.responseText != null) {
                candidates.add(candidate(response, conversations.get(conversationDocumentId(response))));
            }
        }
        return candidates;
    }

    /** A projected response (and its conversation, for the context; may be null) as a candidate. */
    public static CandidateResponse candidate(ResponseDocument response, ConversationDocument conversation) {
        List<Turn> context = ContextBuilder.before(conversation, response.turnId);
        Set<String> users = new LinkedHashSet<>();
        Set<String> sources = new LinkedHashSet<>();
        Map<String, String> detectors = new TreeMap<>();
        int retracted = 0;
        for (SignalDocument signal : response.signals) {
            if (!signal.active && "reaction".equals(signal.kind)) {
                retracted++;
            }
            if (signal.active) {
                if (signal.userId != null) {
                    users.add(signal.userId);
                }
                sources.addAll(signal.sourceEventIds);
                if (signal.detector != null) {
                    detectors.put(signal.detector, signal.detectorVersion);
                }
            }
        }
        return new CandidateResponse(response.tenant, response.conversationId, response.responseId, response.turnId,
                response.userId, response.promptText, context, response.responseText, response.model,
                response.modelVersion, response.variant, response.regenerates, response.promptAt,
                response.respondedAt, response.signalScore, response.activeSignals, response.loved,
                response.reactionCounts, users, new ArrayList<>(sources), detectors, retracted);
    }

    /** The conversation document id the projection gives a response's conversation. */
    private static String conversationDocumentId(ResponseDocument response) {
        return Documents.conversationId(response.tenant, response.conversationId);
    }
}
