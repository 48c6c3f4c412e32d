package dev.ufp.projections.projector;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.projections.elastic.IndexSet;
import dev.ufp.projections.model.ConversationDocument;
import dev.ufp.projections.model.ResponseDocument;
import dev.ufp.projections.model.SignalDocument;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One bulk request of a {@link ProjectionBatch}: the documents that changed, each serialised once and sent as those
 * bytes; a response's signals unless the cache holds them unchanged (all of them when the response was read from
 * Elasticsearch); the deletes of signals a response withdrew. What the request wrote is cached once it succeeds.
 */
final class ChangedDocuments {

    /** A document write of the bulk request: what to cache once it succeeds (signal writes and deletes: null). */
    private record Written(String index, String id, byte[] json, Map<String, byte[]> signals) {
    }

    private final IndexSet indices;
    private final DocumentCache cache;
    private final long epoch;
    private final ObjectMapper json;
    private final BulkRequest.Builder bulk = new BulkRequest.Builder();
    private final List<Written> operations = new ArrayList<>();
    /** Responses read from Elasticsearch, unchanged, whose signals this request writes: cached once it succeeds. */
    private final Map<String, DocumentCache.Entry> unchangedAfterSignals = new LinkedHashMap<>();
    private int unchanged;

    ChangedDocuments(IndexSet indices, DocumentCache cache, long epoch, ObjectMapper json) {
        this.indices = indices;
        this.cache = cache;
        this.epoch = epoch;
        this.json = json;
    }

    /** Bulk operations staged (documents, signals, deletes). */
    int operations() {
        return operations.size();
    }

    /** Documents and signals left out because they had not changed. */
    int unchanged() {
        return unchanged;
    }

    /**
     * The response unless it is unchanged, each of its signals unless the cache holds it unchanged (all of them
     * when the response was read from Elasticsearch), and the deletes of the signals it withdrew.
     */
    void response(String id, LoadedDocument<ResponseDocument> loaded) {
        ResponseDocument document = loaded.document();
        byte[] source = serialize(document);
        boolean documentUnchanged = Arrays.equals(source, loaded.json());
        DocumentCache.Entry cached = loaded.cached();
        if (documentUnchanged && cached != null) {
            unchanged++;
            return;
        }
        Map<String, byte[]> signals = new LinkedHashMap<>();
        for (SignalDocument signal : document.signals) {
            byte[] signalJson = serialize(signal);
            signals.put(signal.signalId, signalJson);
            if (cached != null && cached.sameSignal(signal.signalId, signalJson)) {
                unchanged++;
            } else {
                bulk.operations(op -> op.index(i -> i.index(indices.signals()).id(signal.signalId)
                        .document(BinaryData.of(signalJson, ContentType.APPLICATION_JSON))));
                operations.add(null);
            }
        }
        for (String withdrawn : document.withdrawnSignalIds) {
            if (!signals.containsKey(withdrawn)) {
                bulk.operations(op -> op.delete(d -> d.index(indices.signals()).id(withdrawn)));
                operations.add(null);
            }
        }
        if (documentUnchanged) {
            unchanged++;
            unchangedAfterSignals.put(id, new DocumentCache.Entry(source, signals, loaded.seqNo(),
                    loaded.primaryTerm()));
        } else {
            write(indices.responses(), id, source, loaded.seqNo(), loaded.primaryTerm());
            operations.add(new Written(indices.responses(), id, source, signals));
        }
    }

    /** The conversation unless it is unchanged (then cached as read, if it was read from Elasticsearch). */
    void conversation(String id, LoadedDocument<ConversationDocument> loaded) {
        byte[] source = serialize(loaded.document());
        if (Arrays.equals(source, loaded.json())) {
            unchanged++;
            if (loaded.cached() == null) {
                cache.put(indices.conversations(), id, new DocumentCache.Entry(source, Map.of(), loaded.seqNo(),
                        loaded.primaryTerm()), epoch);
            }
        } else {
            write(indices.conversations(), id, source, loaded.seqNo(), loaded.primaryTerm());
            operations.add(new Written(indices.conversations(), id, source, Map.of()));
        }
    }

    /** Sends the request (when anything changed) and caches what it wrote; throws if any item failed. */
    void send(ElasticsearchClient client) {
        if (operations.isEmpty()) {
            remember(List.of());
            return;
        }
        try {
            BulkResponse response = client.bulk(bulk.build());
            if (response.errors()) {
                List<BulkResponseItem> failed = response.items().stream().filter(item -> item.error() != null).toList();
                throw new ProjectionBatch.ProjectionWriteException("bulk write to " + indices + " failed: "
                        + failed.stream().limit(3).map(ChangedDocuments::describe).collect(Collectors.joining("; ")),
                        failed.stream().anyMatch(item -> ProjectionFailures.retryableStatus(item.status())),
                        failed.stream().allMatch(item -> item.status() == 409));
            }
            remember(response.items());
        } catch (IOException e) {
            throw new ProjectionBatch.ProjectionWriteException("Elasticsearch unavailable: " + e.getMessage(), e, true);
        }
    }

    /** Caches every document the bulk request wrote, at the sequence number Elasticsearch answered. */
    private void remember(List<BulkResponseItem> items) {
        for (int i = 0; i < operations.size(); i++) {
            Written written = operations.get(i);
            BulkResponseItem item = items.get(i);
            if (written != null && item.seqNo() != null && item.primaryTerm() != null) {
                cache.put(written.index(), written.id(), new DocumentCache.Entry(written.json(), written.signals(),
                        item.seqNo(), item.primaryTerm()), epoch);
            }
        }
        unchangedAfterSignals.forEach((id, entry) -> cache.put(indices.responses(), id, entry, epoch));
    }

    private void write(String index, String id, byte[] source, Long seqNo, Long primaryTerm) {
        BinaryData document = BinaryData.of(source, ContentType.APPLICATION_JSON);
        if (seqNo == null) {
            bulk.operations(op -> op.create(c -> c.index(index).id(id).document(document)));
        } else {
            bulk.operations(op -> op.index(i -> i.index(index).id(id).document(document)
                    .ifSeqNo(seqNo).ifPrimaryTerm(primaryTerm)));
        }
    }

    private byte[] serialize(Object document) {
        try {
            return json.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + document.getClass().getSimpleName(), e);
        }
    }

    private static String describe(BulkResponseItem item) {
        return item.index() + "/" + item.id() + " " + item.status() + " " + item.error().type() + ": "
                + item.error().reason();
    }
}
