package dev.ufp.projections.projector;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ufp.projections.elastic.IndexSet;
import dev.ufp.projections.model.ConversationDocument;
import dev.ufp.projections.model.ResponseDocument;
import dev.ufp.projections.model.SignalDocument;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The documents one batch of events touches: read once by id — all the ids the batch names up front in one
 * real-time {@code _mget} ({@link #prefetch}), any other (a hindsight target) by a GET when first asked for —
 * changed in memory, and written in one bulk request at the end — with the sequence number it was read at, so a concurrent writer
 * (the abandonment sweep) makes the batch fail and be redone rather than lose an update. A response's signals
 * are written to the signals index with it, and the ones it withdrew (a premature abandonment) deleted there.
 */
public final class ProjectionBatch implements Documents {

    private record Loaded<T>(T document, Long seqNo, Long primaryTerm) {
    }

    private final ElasticsearchClient client;
    private final IndexSet indices;
    private final Map<String, Loaded<ResponseDocument>> responses = new LinkedHashMap<>();
    private final Map<String, Loaded<ConversationDocument>> conversations = new LinkedHashMap<>();
    private final Set<String> dirtyResponses = new LinkedHashSet<>();
    private final Set<String> dirtyConversations = new LinkedHashSet<>();
    private int readRequests;

    public ProjectionBatch(ElasticsearchClient client, IndexSet indices) {
        this.client = client;
        this.indices = indices;
    }

    @Override
    public Optional<ResponseDocument> response(String id) {
        return Optional.ofNullable(responses.computeIfAbsent(id,
                key -> load(indices.responses(), key, ResponseDocument.class)).document());
    }

    @Override
    public Optional<ConversationDocument> conversation(String id) {
        return Optional.ofNullable(conversations.computeIfAbsent(id,
                key -> load(indices.conversations(), key, ConversationDocument.class)).document());
    }

    @Override
    public void put(ResponseDocument response) {
        Loaded<ResponseDocument> loaded = responses.get(response.id);
        responses.put(response.id, new Loaded<>(response, loaded == null ? null : loaded.seqNo(),
                loaded == null ? null : loaded.primaryTerm()));
        dirtyResponses.add(response.id);
    }

    @Override
    public void put(ConversationDocument conversation) {
        Loaded<ConversationDocument> loaded = conversations.get(conversation.id);
        conversations.put(conversation.id, new Loaded<>(conversation, loaded == null ? null : loaded.seqNo(),
                loaded == null ? null : loaded.primaryTerm()));
        dirtyConversations.add(conversation.id);
    }

    /**
     * Reads every listed document not read yet in one real-time {@code _mget} over both indices, keeping the
     * sequence numbers for the write; missing documents are remembered as missing (no later GET).
     */
    @Override
    public void prefetch(Collection<String> responseIds, Collection<String> conversationIds) {
        List<String> responseMisses = responseIds.stream().distinct().filter(id -> !responses.containsKey(id)).toList();
        List<String> conversationMisses = conversationIds.stream().distinct()
                .filter(id -> !conversations.containsKey(id)).toList();
        if (responseMisses.isEmpty() && conversationMisses.isEmpty()) {
            return;
        }
        MgetResponse<ObjectNode> got;
        try {
            readRequests++;
            got = client.mget(m -> {
                responseMisses.forEach(id -> m.docs(d -> d.index(indices.responses()).id(id)));
                conversationMisses.forEach(id -> m.docs(d -> d.index(indices.conversations()).id(id)));
                return m;
            }, ObjectNode.class);
        } catch (IOException e) {
            throw new ProjectionWriteException("Elasticsearch unavailable: " + e.getMessage(), e, true);
        }
        List<MultiGetResponseItem<ObjectNode>> items = got.docs();
        for (int i = 0; i < items.size(); i++) {
            MultiGetResponseItem<ObjectNode> item = items.get(i);
            if (item.isFailure()) {
                throw new ProjectionWriteException("mget of " + item.failure().index() + "/" + item.failure().id()
                        + " failed: " + item.failure().error().type() + ": " + item.failure().error().reason(), true);
            }
            if (i < responseMisses.size()) {
                responses.put(responseMisses.get(i), loaded(item.result(), ResponseDocument.class));
            } else {
                conversations.put(conversationMisses.get(i - responseMisses.size()),
                        loaded(item.result(), ConversationDocument.class));
            }
        }
    }

    /** Read requests (GET or {@code _mget}) this batch sent so far. */
    public int readRequests() {
        return readRequests;
    }

    public boolean isEmpty() {
        return dirtyResponses.isEmpty() && dirtyConversations.isEmpty();
    }

    /** Writes every changed document in one bulk request; throws if any item failed. */
    public void flush() {
        if (isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (String id : dirtyResponses) {
            Loaded<ResponseDocument> loaded = responses.get(id);
            write(bulk, indices.responses(), id, loaded.document(), loaded.seqNo(), loaded.primaryTerm());
            for (SignalDocument signal : loaded.document().signals) {
                bulk.operations(op -> op.index(i -> i.index(indices.signals()).id(signal.signalId).document(signal)));
            }
            for (String withdrawn : loaded.document().withdrawnSignalIds) {
                bulk.operations(op -> op.delete(d -> d.index(indices.signals()).id(withdrawn)));
            }
        }
        for (String id : dirtyConversations) {
            Loaded<ConversationDocument> loaded = conversations.get(id);
            write(bulk, indices.conversations(), id, loaded.document(), loaded.seqNo(), loaded.primaryTerm());
        }
        try {
            BulkResponse response = client.bulk(bulk.build());
            if (response.errors()) {
                List<BulkResponseItem> failed = response.items().stream().filter(item -> item.error() != null).toList();
                throw new ProjectionWriteException("bulk write to " + indices + " failed: " + failed.stream().limit(3)
                        .map(ProjectionBatch::describe).collect(Collectors.joining("; ")),
                        failed.stream().anyMatch(item -> ProjectionFailures.retryableStatus(item.status())));
            }
        } catch (IOException e) {
            throw new ProjectionWriteException("Elasticsearch unavailable: " + e.getMessage(), e, true);
        }
        dirtyResponses.clear();
        dirtyConversations.clear();
    }

    private static <T> void write(BulkRequest.Builder bulk, String index, String id, T document, Long seqNo,
                                  Long primaryTerm) {
        if (seqNo == null) {
            bulk.operations(op -> op.create(c -> c.index(index).id(id).document(document)));
        } else {
            bulk.operations(op -> op.index(i -> i.index(index).id(id).document(document)
                    .ifSeqNo(seqNo).ifPrimaryTerm(primaryTerm)));
        }
    }

    private <T> Loaded<T> loaded(GetResult<ObjectNode> result, Class<T> type) {
        if (!result.found() || result.source() == null) {
            return new Loaded<>(null, null, null);
        }
        try {
            return new Loaded<>(objectMapper().treeToValue(result.source(), type), result.seqNo(), result.primaryTerm());
        } catch (JsonProcessingException e) {
            throw new ProjectionWriteException("unreadable document " + result.index() + "/" + result.id() + ": "
                    + e.getOriginalMessage(), e, false);
        }
    }

    private ObjectMapper objectMapper() {
        if (client._jsonpMapper() instanceof JacksonJsonpMapper jackson) {
            return jackson.objectMapper();
        }
        throw new IllegalStateException("the Elasticsearch client needs a JacksonJsonpMapper, has "
                + client._jsonpMapper().getClass().getName());
    }

    private <T> Loaded<T> load(String index, String id, Class<T> type) {
        try {
            readRequests++;
            GetResponse<T> got = client.get(g -> g.index(index).id(id), type);
            return got.found() ? new Loaded<>(got.source(), got.seqNo(), got.primaryTerm()) : new Loaded<>(null, null, null);
        } catch (IOException e) {
            throw new ProjectionWriteException("Elasticsearch unavailable: " + e.getMessage(), e, true);
        }
    }

    private static String describe(BulkResponseItem item) {
        return item.index() + "/" + item.id() + " " + item.status() + " " + item.error().type() + ": "
                + item.error().reason();
    }

    /**
     * A batch could not be read or written. {@link #retryable}: Elasticsearch was unreachable, overloaded (429),
     * failing (5xx) or a concurrent writer won (409) — retrying heals it; otherwise it refused a document for good.
     */
    public static final class ProjectionWriteException extends RuntimeException {
        private final boolean retryable;

        ProjectionWriteException(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        ProjectionWriteException(String message, Throwable cause, boolean retryable) {
            super(message, cause);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
