package dev.ufp.mining.reward;

import dev.ufp.projections.followup.MiniLmSentenceEncoder;
import dev.ufp.projections.followup.SentenceEncoder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Features of (prompt with context, response): the two 384-d sentence embeddings side by side (768) — a long
 * response as the mean of its chunks' embeddings ({@link FeatureOptions#responseChunkChars()}) — plus a
 * one-hot response-length bucket when {@link FeatureOptions#lengthBuckets()} is on. Each distinct text is embedded
 * once per call and remembered in a memory-bounded cache across calls; misses go to the encoder in batches of
 * {@value #BATCH}. Thread-safe.
 */
public final class FeatureEncoder {

    public static final int BATCH = 64;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    public static final int EMBEDDING_DIM = 384;
    private static final long DEFAULT_CACHE_BYTES = 256L << 20;

    private final SentenceEncoder encoder;
    private final FeatureOptions options;
    private final EmbeddingCache cache;

    public FeatureEncoder(SentenceEncoder encoder, FeatureOptions options, long cacheBytes) {
        this.encoder = encoder;
        this.options = options;
        this.cache = new EmbeddingCache(cacheBytes, EMBEDDING_DIM);
    }

    /** MiniLM (the shared instance), default options, a 256 MiB cache. */
    public static FeatureEncoder miniLm() {
        return new FeatureEncoder(MiniLmSentenceEncoder.shared(), FeatureOptions.defaults(), DEFAULT_CACHE_BYTES);
    }

    public FeatureOptions options() {
        return options;
    }

    public int dimension() {
        return 2 * EMBEDDING_DIM + (options.lengthBuckets() ? FeatureOptions.LENGTH_BUCKETS : 0);
    }

    public float[][] encode(List<RewardInput> inputs) {
        return encode(inputs, Progress.NONE);
    }

    /** One feature row per input, in order; progress counts distinct texts embedded (cache misses). */
    public float[][] encode(List<RewardInput> inputs, Progress progress) {
        List<String> texts = new ArrayList<>(2 * inputs.size());
        List<List<String>> chunks = new ArrayList<>(inputs.size());
        for (RewardInput input : inputs) {
            texts.add(input.promptWithContext(options.contextUserTurns()));
            List<String> responseChunks = chunks(input.response(), options.responseChunkChars());
            chunks.add(responseChunks);
            texts.addAll(responseChunks);
        }
        Map<String, float[]> embedded = embed(texts, progress);
        float[][] out = new float[inputs.size()][];
        for (int i = 0; i < out.length; i++) {
            float[] row = new float[dimension()];
            System.arraycopy(embedded.get(inputs.get(i).promptWithContext(options.contextUserTurns())), 0, row, 0,
                    EMBEDDING_DIM);
            System.arraycopy(mean(chunks.get(i), embedded), 0, row, EMBEDDING_DIM, EMBEDDING_DIM);
            if (options.lengthBuckets()) {
                row[2 * EMBEDDING_DIM + lengthBucket(inputs.get(i).response())] = 1f;
            }
            out[i] = row;
        }
        return out;
    }

    /**
     * The response in chunks of whole sentences of up to {@code maxChars} characters (a longer sentence is a chunk
     * of its own); the response itself when {@code maxChars} is 0 or it fits.
     */
    static List<String> chunks(String response, int maxChars) {
        if (maxChars == 0 || response.length() <= maxChars) {
            return List.of(response);
        }
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (String sentence : SENTENCE_END.split(response)) {
            if (sentence.isBlank()) {
                continue;
            }
            if (chunk.length() > 0 && chunk.length() + 1 + sentence.length() > maxChars) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
            chunk.append(chunk.length() == 0 ? "" : " ").append(sentence.strip());
        }
        if (chunk.length() > 0) {
            chunks.add(chunk.toString());
        }
        return chunks.isEmpty() ? List.of(response) : chunks;
    }

    /** The length-weighted mean of the chunks' unit vectors, scaled back to unit length. */
    private static float[] mean(List<String> chunks, Map<String, float[]> embedded) {
        if (chunks.size() == 1) {
            return embedded.get(chunks.get(0));
        }
        double[] sum = new double[EMBEDDING_DIM];
        for (String chunk : chunks) {
            float[] v = embedded.get(chunk);
            for (int d = 0; d < EMBEDDING_DIM; d++) {
                sum[d] += v[d] * chunk.length();
            }
        }
        double norm = 0;
        for (double x : sum) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[EMBEDDING_DIM];
        for (int d = 0; d < EMBEDDING_DIM; d++) {
            out[d] = norm == 0 ? 0f : (float) (sum[d] / norm);
        }
        return out;
    }

    static int lengthBucket(String response) {
        int chars = Math.max(1, response.length());
        int bucket = (31 - Integer.numberOfLeadingZeros(chars)) / 2; // 1-3, 4-15, 16-63, … chars
        return Math.min(FeatureOptions.LENGTH_BUCKETS - 1, bucket);
    }

    /** Cache entries now, and hits/misses so far (for the benchmark and logs). */
    public String cacheStats() {
        return "cache " + cache.size() + "/" + cache.maxEntries() + " entries, " + cache.hits() + " hits, "
                + cache.misses() + " misses";
    }

    private Map<String, float[]> embed(List<String> texts, Progress progress) {
        Map<String, float[]> found = new HashMap<>();
        Map<String, EmbeddingCache.Key> missing = new LinkedHashMap<>();
        for (String text : texts) {
            if (found.containsKey(text) || missing.containsKey(text)) {
                continue;
            }
            EmbeddingCache.Key key = EmbeddingCache.key(text);
            float[] cached = cache.get(key);
            if (cached != null) {
                found.put(text, cached);
            } else {
                missing.put(text, key);
            }
        }
        ProgressMeter meter = new ProgressMeter("embedding", "texts", missing.size(), progress);
        List<String> batch = new ArrayList<>(BATCH);
        for (String text : missing.keySet()) {
            batch.add(text);
            if (batch.size() == BATCH) {
                encodeBatch(batch, missing, found, meter);
            }
        }
        encodeBatch(batch, missing, found, meter);
        meter.finish();
        return found;
    }

    private void encodeBatch(List<String> batch, Map<String, EmbeddingCache.Key> keys, Map<String, float[]> found,
                             ProgressMeter meter) {
        if (batch.isEmpty()) {
            return;
        }
        float[][] vectors = encoder.encodeAll(batch);
        for (int i = 0; i < vectors.length; i++) {
            found.put(batch.get(i), vectors[i]);
            cache.put(keys.get(batch.get(i)), vectors[i]);
        }
        meter.advance(batch.size());
        batch.clear();
    }
}
