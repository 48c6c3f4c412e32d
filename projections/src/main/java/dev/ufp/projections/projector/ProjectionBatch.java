package dev.ufp.projections.projector;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ufp.projections.elastic.IndexSet;
import dev.ufp.projections.model.ConversationDocument;
import dev.ufp.projections.model.ResponseDocument;


import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The documents one batch of events touches: read once by id — from the {@link DocumentCache} when the projection
 * wrote them recently, else all the ids the batch names up front in one real-time {@code _mget} ({@link #prefetch}),
 * any other (a hindsight target) by a GET when first asked for — changed in memory, and written in one bulk request
 * at the end with the sequence number they were read at, so a concurrent writer (the abandonment sweep, P[Love]
 * scoring, the second follow-up stage) makes the batch fail and be redone rather than lose an update.
 * <p>
 * Only what changed is written: a document whose JSON equals what it was read as is left out, and so is each
 * signal of a cached response that equals the signal the projection last wrote. A response read from
 * Elasticsearch rather than the cache has all its signals written with it (a bulk request is not atomic, so the
 * signals index may lack one that an interrupted batch wrote only to the response). Signals a response withdrew
 * (a premature abandonment) are deleted from the signals index.
 */
public final class ProjectionBatch implements Documents {

    private final ElasticsearchClient client;
    private final IndexSet indices;
    private final DocumentCache cache;
    private final ObjectMapper json;
    private final long epoch;
    private final Map<String, LoadedDocument<ResponseDocument>> responses = new LinkedHashMap<>();
    private final Map<String, LoadedDocument<ConversationDocument>> conversations = new LinkedHashMap<>();
    private final Set<String> dirtyResponses = new LinkedHashSet<>();
    private final Set<String> dirtyConversations = new LinkedHashSet<>();
    private int readRequests;
    private int cacheHits;
    private int writes;
    private int unchanged;

    /** A batch without a cache: every document is read from Elasticsearch. */
    public ProjectionBatch(ElasticsearchClient client, IndexSet indices) {
        this(client, indices, DocumentCache.none());
    }

    public ProjectionBatch(ElasticsearchClient client, IndexSet indices, DocumentCache cache) {
        this.client = client;
        this.indices = indices;
        this.cache = cache;
        this.epoch = cache.epoch();
        this.json = objectMapper(client);
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
        LoadedDocument<ResponseDocument> loaded = responses.get(response.id);
        responses.put(response.id, loaded == null ? LoadedDocument.<ResponseDocument>missing().with(response)
                : loaded.with(response));
        dirtyResponses.add(response.id);
    }

    @Override
    public void put(ConversationDocument conversation) {
        LoadedDocument<ConversationDocument> loaded = conversations.get(conversation.id);
        conversations.put(conversation.id, loaded == null ? LoadedDocument.<ConversationDocument>missing().with(conversation)
                : loaded.with(conversation));
        dirtyConversations.add(conversation.id);
    }

    /**
     * Takes every listed document not read yet from the cache, and reads the rest in one real-time {@code _mget}
     * over both indices, keeping the sequence numbers for the write; missing documents are remembered as missing
     * (no later GET).
     */
    @Override
    public void prefetch(Collection<String> responseIds, Collection<String> conversationIds) {
        List<String> responseMisses = responseIds.stream().distinct().filter(id -> !responses.containsKey(id))
                .filter(id -> !fromCache(indices.responses(), id, ResponseDocument.class, responses)).toList();
        List<String> conversationMisses = conversationIds.stream().distinct()
                .filter(id -> !conversations.containsKey(id))
                .filter(id -> !fromCache(indices.conversations(), id, ConversationDocument.class, conversations))
                .toList();
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

    /** Documents this batch took from the cache instead of reading them. */
    public int cacheHits() {
        return cacheHits;
    }

    /** Bulk operations the last {@link #flush} sent (documents, signals, deletes). */
    public int writes() {
        return writes;
    }

    /** Documents and signals the last {@link #flush} left out because they had not changed. */
    public int unchanged() {
        return unchanged;
    }

    public boolean isEmpty() {
        return dirtyResponses.isEmpty() && dirtyConversations.isEmpty();
    }

    /**
     * Writes every changed document in one bulk request ({@link ChangedDocuments}) and caches what it wrote; throws
     * if any item failed, after dropping every document of this batch from the cache.
     */
    public void flush() {
        writes = 0;
        unchanged = 0;
        if (isEmpty()) {
            return;
        }
        ChangedDocuments changed = new ChangedDocuments(indices, cache, epoch, json);
        dirtyResponses.forEach(id -> changed.response(id, responses.get(id)));
        dirtyConversations.forEach(id -> changed.conversation(id, conversations.get(id)));
        writes = changed.operations();
        unchanged = changed.unchanged();
        try {
            changed.send(client);
        } catch (RuntimeException e) {
            cache.invalidate(indices.responses(), responses.keySet());
            cache.invalidate(indices.conversations(), conversations.keySet());
            throw e;
        }
        dirtyResponses.clear();
        dirtyConversations.clear();
    }

    private <T> boolean fromCache(String index, String id, Class<T> type, Map<String, LoadedDocument<T>> into) {
        Optional<DocumentCache.Entry> entry = cache.get(index, id);
        entry.ifPresent(e -> {
            into.put(id, new LoadedDocument<>(deserialize(e.source(), type, index, id), e.seqNo(), e.primaryTerm(),
                    e.source(), e));
            cacheHits++;
        });
        return entry.isPresent();
    }

    private <T> LoadedDocument<T> loaded(GetResult<ObjectNode> result, Class<T> type) {
        if (!result.found() || result.source() == null) {
            return LoadedDocument.missing();
        }
        try {
            T document = json.treeToValue(result.source(), type);
            return new LoadedDocument<>(document, result.seqNo(), result.primaryTerm(), serialize(document), null);
        } catch (JsonProcessingException e) {
            throw new ProjectionWriteException("unreadable document " + result.index() + "/" + result.id() + ": "
                    + e.getOriginalMessage(), e, false);
        }
    }

    private <T> LoadedDocument<T> load(String index, String id, Class<T> type) {
        Optional<DocumentCache.Entry> entry = cache.get(index, id);
        if (entry.isPresent()) {
            cacheHits++;
            DocumentCache.Entry e = entry.get();
            return new LoadedDocument<>(deserialize(e.source(), type, index, id), e.seqNo(), e.primaryTerm(), e.source(), e);
        }
        try {
            readRequests++;
            GetResponse<T> got = client.get(g -> g.index(index).id(id), type);
            return got.found() ? new LoadedDocument<>(got.source(), got.seqNo(), got.primaryTerm(), serialize(got.source()),
                    null) : LoadedDocument.missing();
        } catch (IOException e) {
            throw new ProjectionWriteException("Elasticsearch unavailable: " + e.getMessage(), e, true);
        }
    }

    private byte[] serialize(Object document) {
        try {
            return json.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + document.getClass().getSimpleName(), e);
        }
    }

    private <T> T deserialize(byte[] source, Class<T> type, String index, String id) {
        try {
            return json.readValue(source, type);
        } catch (IOException e) {
            throw new ProjectionWriteException("unreadable cached document " + index + "/" + id + ": "
                    + e.getMessage(), e, false);
        }
    }

    private static ObjectMapper objectMapper(ElasticsearchClient client) {
        if (client._jsonpMapper() instanceof JacksonJsonpMapper jackson) {
            return jackson.objectMapper();
        }
        throw new IllegalStateException("the Elasticsearch client needs a JacksonJsonpMapper, has "
                + client._jsonpMapper().getClass().getName());
    }

    /**
     * A batch could not be read or written. {@link #retryable}: Elasticsearch was unreachable, overloaded (429),
     * failing (5xx) or a concurrent writer won (409) — retrying heals it; otherwise it refused a document for good.
     */
    public static final class ProjectionWriteException extends RuntimeException {
        private final boolean retryable;
        private final boolean conflict;

        ProjectionWriteException(String message, boolean retryable) {
            this(message, retryable, false);
        }

        ProjectionWriteException(String message, boolean retryable, boolean conflict) {
            super(message);
            this.retryable = retryable;
            this.conflict = conflict;
        }

        ProjectionWriteException(String message, Throwable cause, boolean retryable) {
            super(message, cause);
            this.retryable = retryable;
            this.conflict = false;
        }

        public boolean retryable() {
            return retryable;
        }

        /** Every refused item was a 409: another writer changed the document since it was read. */
        public boolean conflict() {
            return conflict;
        }
    }
}
