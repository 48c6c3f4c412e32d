package dev.ufp.projections.projector;

import dev.ufp.projections.model.ConversationDocument;
import dev.ufp.projections.model.ResponseDocument;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@link InMemoryDocuments} that counts round trips as a networked store would make them: one per
 * {@link #prefetch} call, one per read of a document that was not prefetched (a lazy GET).
 */
public final class CountingDocuments implements Documents {

    private final InMemoryDocuments store;
    private final Set<String> prefetched = new HashSet<>();
    private int prefetches;
    private int lazyReads;

    public CountingDocuments(InMemoryDocuments store) {
        this.store = store;
    }

    @Override
    public void prefetch(Collection<String> responseIds, Collection<String> conversationIds) {
        prefetches++;
        prefetched.addAll(responseIds);
        prefetched.addAll(conversationIds);
    }

    @Override
    public Optional<ResponseDocument> response(String id) {
        count(id);
        return store.response(id);
    }

    @Override
    public Optional<ConversationDocument> conversation(String id) {
        count(id);
        return store.conversation(id);
    }

    @Override
    public void put(ResponseDocument response) {
        store.put(response);
    }

    @Override
    public void put(ConversationDocument conversation) {
        store.put(conversation);
    }

    public int prefetches() {
        return prefetches;
    }

    public int lazyReads() {
        return lazyReads;
    }

    private void count(String id) {
        if (!prefetched.contains(id)) {
            lazyReads++;
        }
    }
}
