package dev.ufp.projections.projector;

/**
 * A document as a batch read it: the copy the projector changes, where it was read (null: not found), the JSON it
 * was read as (null: new), and the cache entry it came from (null: read from Elasticsearch; with an entry, its
 * signals are known written).
 */
record LoadedDocument<T>(T document, Long seqNo, Long primaryTerm, byte[] json, DocumentCache.Entry cached) {

    static <T> LoadedDocument<T> missing() {
        return new LoadedDocument<>(null, null, null, null, null);
    }

    LoadedDocument<T> with(T changed) {
        return new LoadedDocument<>(changed, seqNo, primaryTerm, json, cached);
    }
}
