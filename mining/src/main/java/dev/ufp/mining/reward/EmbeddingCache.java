package dev.ufp.mining.reward;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Embeddings by a 128-bit hash of the text (SHA-256, first 16 bytes), least recently used evicted first, bounded
 * by memory: {@code maxBytes / (4·dimension + overhead)} entries. Thread-safe.
 */
final class EmbeddingCache {

    private static final int OVERHEAD_BYTES = 96;

    private final int maxEntries;
    private final LinkedHashMap<Key, float[]> entries;
    private long hits;
    private long misses;

    EmbeddingCache(long maxBytes, int dimension) {
        this.maxEntries = (int) Math.max(0, Math.min(Integer.MAX_VALUE - 8, maxBytes / (4L * dimension + OVERHEAD_BYTES)));
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, float[]> eldest) {
                return size() > maxEntries;
            }
        };
    }

    record Key(long high, long low) {
    }

    static Key key(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            long high = 0;
            long low = 0;
            for (int i = 0; i < 8; i++) {
                high = (high << 8) | (d[i] & 0xff);
                low = (low << 8) | (d[i + 8] & 0xff);
            }
            return new Key(high, low);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized float[] get(Key key) {
        float[] found = entries.get(key);
        if (found == null) {
            misses++;
        } else {
            hits++;
        }
        return found;
    }

    synchronized void put(Key key, float[] embedding) {
        if (maxEntries > 0) {
            entries.put(key, embedding);
        }
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }

    int maxEntries() {
        return maxEntries;
    }
}
