package dev.ufp.projections.projector;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import dev.ufp.projections.elastic.IndexSet;
import dev.ufp.projections.model.ConversationDocument;
import dev.ufp.projections.model.ResponseDocument;
import dev.ufp.projections.model.SignalDocument;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The documents one batch of events touches: each read once by id (a real-time GET), changed in memory, and
 * written in one bulk request at the end — with the sequence number it was read at, so a concurrent writer
 * (the abandonment sweep) makes the batch fail and be redone rather than lose an update. A response's signals
 * are written to the signals index with it.
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
        }
        for (String id : dirtyConversations) {
            Loaded<ConversationDocument> loaded = conversations.get(id);
            write(bulk, indices.conversations(), id, loaded.document(), loaded.seqNo(), loaded.primaryTerm());
        }
        try {
            BulkResponse response = client.bulk(bulk.build());
            if (response.errors()) {
                throw new ProjectionWriteException("bulk write to " + indices + " failed: " + response.items().stream()
                        .filter(item -> item.error() != null).limit(3)
                        .map(ProjectionBatch::describe).collect(Collectors.joining("; ")));
            }
        } catch (IOException e) {
            throw new ProjectionWriteException("Elasticsearch unavailable: " + e.getMessage(), e);
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

    private <T> Loaded<T> load(String index, String id, Class<T> type) {
        try {
            GetResponse<T> got = client.get(g -> g.index(index).id(id), type);
            return got.found() ? new Loaded<>(got.source(), got.seqNo(), got.primaryTerm()) : new Loaded<>(null, null, null);
        } catch (IOException e) {
            throw new ProjectionWriteException("Elasticsearch unavailable: " + e.getMessage(), e);
        }
    }

    private static String describe(BulkResponseItem item) {
        return item.index() + "/" + item.id() + " " + item.status() + " " + item.error().type() + ": "
                + item.error().reason();
    }

    /** A batch could not be read or written; the processor retries it from its last token. */
    public static final class ProjectionWriteException extends RuntimeException {
        ProjectionWriteException(String message) {
            super(message);
        }

        ProjectionWriteException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
