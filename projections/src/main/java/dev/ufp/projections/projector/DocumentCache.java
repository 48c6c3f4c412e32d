package dev.ufp.projections.projector;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The documents the projection itself last wrote, as the JSON it wrote and the sequence number Elasticsearch gave
 * it, so that the next batch touching them needs no read and can tell which ones it changed. Bounded by bytes
 * ({@code feedback.projections.document-cache-max-bytes}; 0 turns it off), keyed by index (alias or concrete) and id.
 * <p>
 * An entry is only ever what Elasticsearch confirmed: it is put after a bulk request in which the document and
 * every signal it holds were written (or were already this entry), and dropped for every document of a batch that
 * fails. Other writers invalidate what they write (the abandonment sweep) or are caught by the sequence number
 * every write carries (a 409 fails the batch, which drops its entries and reads them again); a rebuild clears the
 * cache when it moves the aliases.
 */
public final class DocumentCache {

    /**
     * One written document: its JSON, the JSON of each signal it holds (by signal id; empty for conversations),
     * and where Elasticsearch put it.
     */
    record Entry(byte[] source, Map<String, byte[]> signals, long seqNo, long primaryTerm) {

        int weight() {
            return source.length + signals.entrySet().stream()
                    .mapToInt(e -> e.getKey().length() * 2 + e.getValue().length).sum() + 64;
        }

        boolean sameSignal(String signalId, byte[] json) {
            byte[] known = signals.get(signalId);
            return known != null && Arrays.equals(known, json);
        }
    }

    private final Cache<String, Entry> entries;
    /** Put and clear exclude each other, so a put of a batch begun before a clear never survives it. */
    private final ReadWriteLock generation = new ReentrantReadWriteLock();
    private volatile long epoch;

    private DocumentCache(Cache<String, Entry> entries) {
        this.entries = entries;
    }

    /** A cache of at most {@code maxBytes} of JSON; {@code 0} keeps nothing. */
    public static DocumentCache ofMaxBytes(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("feedback.projections.document-cache-max-bytes must be >= 0, is "
                    + maxBytes);
        }
        return new DocumentCache(maxBytes == 0 ? null : Caffeine.newBuilder().maximumWeight(maxBytes)
                .<String, Entry>weigher((key, entry) -> key.length() * 2 + entry.weight()).build());
    }

    /** No cache: every batch reads its documents. */
    public static DocumentCache none() {
        return new DocumentCache(null);
    }

    Optional<Entry> get(String index, String id) {
        return entries == null ? Optional.empty() : Optional.ofNullable(entries.getIfPresent(key(index, id)));
    }

    /** The current generation: a batch takes it when it starts and hands it to {@link #put}. */
    long epoch() {
        return epoch;
    }

    /**
     * Remembers a confirmed write of a batch begun at {@code epoch}; dropped if the cache was cleared since (the
     * write may have gone to indices the aliases no longer point to). An entry with a higher sequence number (a
     * later write) is kept.
     */
    void put(String index, String id, Entry entry, long epoch) {
        if (entries == null) {
            return;
        }
        generation.readLock().lock();
        try {
            if (epoch == this.epoch) {
                entries.asMap().merge(key(index, id), entry, (old, now) -> old.primaryTerm() == now.primaryTerm()
                        && old.seqNo() > now.seqNo() ? old : now);
            }
        } finally {
            generation.readLock().unlock();
        }
    }

    /** Forgets these documents of {@code index}: the next batch reads them from Elasticsearch. */
    public void invalidate(String index, Collection<String> ids) {
        if (entries != null) {
            ids.forEach(id -> entries.invalidate(key(index, id)));
        }
    }

    /** Forgets everything (the aliases moved to other indices), and every put of a batch begun before. */
    public void clear() {
        generation.writeLock().lock();
        try {
            epoch++;
            if (entries != null) {
                entries.invalidateAll();
            }
        } finally {
            generation.writeLock().unlock();
        }
    }

    /** Documents held now (approximate; for tests and gauges). */
    public long size() {
        return entries == null ? 0 : entries.estimatedSize();
    }

    private static String key(String index, String id) {
        return index + "/" + id;
    }
}
