package dev.ufp.projections.followup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers the vectors of the last {@code capacity} texts (least recently used out) and encodes only the texts it
 * has not seen, in one call. In a conversation stream a follow-up is usually the previous prompt of the next
 * follow-up, often in a later batch, so about half the texts recur. Same vectors as the delegate: it embeds every
 * text on its own, whatever else is in the call. Thread-safe.
 */
final class CachedSentenceEncoder implements SentenceEncoder {

    private final SentenceEncoder delegate;
    private final Map<String, float[]> vectors;

    CachedSentenceEncoder(SentenceEncoder delegate, int capacity) {
        this.delegate = delegate;
        this.vectors = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public float[][] encodeAll(List<String> texts) {
        float[][] out = new float[texts.size()][];
        List<String> missing = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        synchronized (vectors) {
            for (int i = 0; i < out.length; i++) {
                out[i] = vectors.get(texts.get(i));
                if (out[i] == null) {
                    missing.add(texts.get(i));
                    at.add(i);
                }
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        float[][] encoded = delegate.encodeAll(missing);
        synchronized (vectors) {
            for (int i = 0; i < encoded.length; i++) {
                out[at.get(i)] = encoded[i];
                vectors.put(missing.get(i), encoded[i]);
            }
        }
        return out;
    }
}
