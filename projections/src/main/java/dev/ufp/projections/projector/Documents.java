package dev.ufp.projections.projector;

import dev.ufp.projections.model.ConversationDocument;
import dev.ufp.projections.model.ResponseDocument;

import java.util.Collection;
import java.util.Optional;

/** Where the projector reads and stages documents: a batch over Elasticsearch, or memory in tests. */
public interface Documents {

    Optional<ResponseDocument> response(String id);

    Optional<ConversationDocument> conversation(String id);

    /**
     * Hint: the documents a batch is about to read. A store that reads over the network fetches them in one round
     * trip; later {@link #response}/{@link #conversation} calls for these ids are then served from memory.
     */
    default void prefetch(Collection<String> responseIds, Collection<String> conversationIds) {
    }

    /** Stages a new or changed document for writing. */
    void put(ResponseDocument response);

    void put(ConversationDocument conversation);

    static String conversationId(String tenant, String conversationId) {
        return tenant + ":" + conversationId;
    }

    static String responseId(String tenant, String conversationId, String responseId) {
        return tenant + ":" + conversationId + ":" + responseId;
    }
}
