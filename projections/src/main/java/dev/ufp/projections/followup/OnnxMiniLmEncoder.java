package dev.ufp.projections.followup;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * all-MiniLM-L6-v2 (quantised ONNX, 384-d: the model and tokenizer files of the langchain4j jar) run directly on
 * ONNX Runtime. Replaces langchain4j's {@code AllMiniLmL6V2QuantizedEmbeddingModel} behind
 * {@link MiniLmSentenceEncoder#shared()} with the same vectors, about twice as fast on 2 cores
 * ({@link EncoderBenchmark}, BENCHMARKS.md "Sentence encoder").
 *
 * <p>Where the time went in langchain4j: each text is one {@code OrtSession.run} on its own thread pool, with ONNX
 * Runtime's default intra-op pool (one thread per core, spin-waiting) inside every run, i.e. cores × cores
 * spinning threads; and three tokenizer passes per text. Here a call tokenizes all texts in two batched passes
 * and runs the inferences on {@code parallelRuns} threads (default: one per core) of a single-threaded,
 * non-spinning session.
 *
 * <p><b>One text per inference by default.</b> Micro-batches of similar lengths ({@code maxBatch > 1}, padded,
 * mean-pooled over the attention mask) are supported but change the vectors: the model quantises its activations
 * dynamically <em>per tensor</em>, so one row's scale depends on the other rows of the batch (cosine to the
 * single-text vector 0.94–0.98 even for equal lengths without padding), and on 2 cores they were not faster
 * (BENCHMARKS.md). With {@code maxBatch == 1} the vectors are bit-identical to langchain4j's.
 *
 * <p>Token ids are built exactly as langchain4j builds them:
 * <ul>
 *   <li>the tokenizer keeps its {@code tokenizer.json} truncation, 128 tokens with [CLS] and [SEP], so a long
 *       text is embedded from its first 126 word pieces (langchain4j's 510-token partitioning never applies);</li>
 *   <li>langchain4j rebuilds a text from its word pieces and tokenizes it again; when that round trip does not
 *       reproduce the pieces (rare: a text cut inside a word) it embeds the pieces concatenated without spaces.
 *       This encoder does the same, so that every vector, and every classifier result, stays as it was.</li>
 * </ul>
 * Blank texts, and texts with no word piece at all (only control or zero-width characters, where langchain4j
 * throws), are embedded as {@code "."}.
 *
 * <p>Thread-safe: {@code OrtSession.run} and the Rust tokenizer behind {@link HuggingFaceTokenizer} may be called
 * concurrently; concurrent calls share the {@code parallelRuns} threads, so the encoder never runs more
 * inferences at once than that.
 */
public final class OnnxMiniLmEncoder implements SentenceEncoder, AutoCloseable {

    static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";
    static final String EMPTY_SUBSTITUTE = ".";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean wantsTokenTypes;
    private final int maxBatch;
    private final ExecutorService pool;
    private final int dimensions;

    private OnnxMiniLmEncoder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer,
                              int maxBatch, int parallelRuns) throws OrtException {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.wantsTokenTypes = session.getInputNames().contains("token_type_ids");
        this.maxBatch = maxBatch;
        this.pool = parallelRuns <= 1 ? null : Executors.newFixedThreadPool(parallelRuns, r -> {
            Thread t = new Thread(r, "minilm-run");
            t.setDaemon(true);
            return t;
        });
        this.dimensions = (int) ((TensorInfo) session.getOutputInfo().values().iterator().next().getInfo())
                .getShape()[2];
    }

    /**
     * Loads model and tokenizer from the classpath (1–3 s). Settings, as system properties:
     * {@code ufp.minilm.maxBatch} (default 1: vectors equal langchain4j's), {@code ufp.minilm.parallelRuns}
     * (default: available processors), {@code ufp.minilm.intraOpThreads} (default 1).
     */
    public static OnnxMiniLmEncoder load() {
        return load(Integer.getInteger("ufp.minilm.maxBatch", 1));
    }

    /** @param maxBatch texts per inference; above 1 the vectors drift from langchain4j's (class comment) */
    public static OnnxMiniLmEncoder load(int maxBatch) {
        return load(maxBatch, Integer.getInteger("ufp.minilm.parallelRuns", Runtime.getRuntime().availableProcessors()),
                Integer.getInteger("ufp.minilm.intraOpThreads", 1));
    }

    static OnnxMiniLmEncoder load(int maxBatch, int parallelRuns, int intraOpThreads) {
        if (maxBatch < 1 || parallelRuns < 1 || intraOpThreads < 1) {
            throw new IllegalArgumentException("maxBatch, parallelRuns and intraOpThreads must be positive: "
                    + maxBatch + ", " + parallelRuns + ", " + intraOpThreads);
        }
        try {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setIntraOpNumThreads(intraOpThreads);
            options.setInterOpNumThreads(1);
            // spinning threads only burn a shared 2-core machine: measured 0.66x vs 1.75x langchain4j
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = environment.createSession(resource(MODEL_RESOURCE), options);
            HuggingFaceTokenizer tokenizer;
            try (InputStream json = OnnxMiniLmEncoder.class.getResourceAsStream(TOKENIZER_RESOURCE)) {
                if (json == null) {
                    throw new IllegalStateException(TOKENIZER_RESOURCE + " is not on the classpath");
                }
                // as langchain4j: no padding (a micro-batch is padded here), truncation from tokenizer.json
                tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false"));
            }
            return new OnnxMiniLmEncoder(environment, session, tokenizer, maxBatch, parallelRuns);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load " + MODEL_RESOURCE, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text actually embedded for {@code text}: blank becomes {@value #EMPTY_SUBSTITUTE}. */
    static String embeddable(String text) {
        return text == null || text.isBlank() ? EMPTY_SUBSTITUTE : text;
    }

    @Override
    public float[][] encodeAll(List<String> texts) {
        int n = texts.size();
        float[][] out = new float[n][];
        if (n == 0) {
            return out;
        }
        long[][] ids = tokenIds(texts);
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        // longest first: micro-batches of similar lengths, and the long runs do not end up last on one thread
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> ids[i].length).reversed());
        List<Callable<Void>> runs = new ArrayList<>();
        for (int from = 0; from < n; from += maxBatch) {
            int start = from;
            runs.add(() -> {
                run(ids, order, start, Math.min(n, start + maxBatch), out);
                return null;
            });
        }
        try {
            if (pool == null || runs.size() == 1) {
                for (Callable<Void> r : runs) {
                    r.call();
                }
            } else {
                for (Future<Void> f : pool.invokeAll(runs)) {
                    f.get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("MiniLM inference failed",
                    e instanceof ExecutionException ? e.getCause() : e);
        }
        return out;
    }

    /** One inference over the rows {@code order[from..to)}, padded to the longest (the first, as sorted). */
    private void run(long[][] ids, Integer[] order, int from, int to, float[][] out) throws OrtException {
        int rows = to - from;
        int seqLen = ids[order[from]].length;
        long[] inputIds = new long[rows * seqLen];
        long[] mask = new long[rows * seqLen];
        for (int r = 0; r < rows; r++) {
            long[] row = ids[order[from + r]];
            System.arraycopy(row, 0, inputIds, r * seqLen, row.length);
            Arrays.fill(mask, r * seqLen, r * seqLen + row.length, 1L);
        }
        long[] shape = {rows, seqLen};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(inputIds), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (wantsTokenTypes) {
                inputs.put("token_type_ids",
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * seqLen]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                FloatBuffer hidden = ((OnnxTensor) result.get(0)).getFloatBuffer();
                for (int r = 0; r < rows; r++) {
                    int index = order[from + r];
                    out[index] = meanPooledUnit(hidden, r * seqLen, ids[index].length);
                }
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    /**
     * Mean of the {@code tokens} vectors starting at token {@code first}, L2-normalised with the arithmetic of
     * langchain4j + the former {@code MiniLmSentenceEncoder} (float sums, a float normalisation, then a double
     * one), so that the vectors are bit-identical, not just within 3e-8.
     */
    private float[] meanPooledUnit(FloatBuffer hidden, int first, int tokens) {
        float[] mean = new float[dimensions];
        for (int t = 0; t < tokens; t++) {
            int base = (first + t) * dimensions;
            for (int d = 0; d < dimensions; d++) {
                mean[d] += hidden.get(base + d);
            }
        }
        float sumSquare = 0;
        for (int d = 0; d < dimensions; d++) {
            mean[d] /= tokens;
            sumSquare += mean[d] * mean[d];
        }
        float floatNorm = (float) Math.sqrt(sumSquare);
        double norm = 0;
        for (int d = 0; d < dimensions; d++) {
            mean[d] = mean[d] / floatNorm;
            norm += mean[d] * mean[d];
        }
        norm = Math.sqrt(norm);
        for (int d = 0; d < dimensions; d++) {
            mean[d] = norm == 0 ? 0f : (float) (mean[d] / norm);
        }
        return mean;
    }

    /** Token ids with [CLS]/[SEP], as langchain4j's {@code OnnxBertBiEncoder} feeds them (see class comment). */
    long[][] tokenIds(List<String> texts) {
        String[] input = texts.stream().map(OnnxMiniLmEncoder::embeddable).toArray(String[]::new);
        Encoding[] first = tokenizer.batchEncode(input);
        String[] rebuilt = new String[input.length];
        for (int i = 0; i < input.length; i++) {
            rebuilt[i] = tokenizer.buildSentence(wordPieces(first[i]));
        }
        Encoding[] second = tokenizer.batchEncode(rebuilt);
        long[][] ids = new long[input.length][];
        long[] substitute = null;
        for (int i = 0; i < input.length; i++) {
            List<String> pieces = wordPieces(first[i]);
            if (pieces.isEmpty()) {
                if (substitute == null) {
                    substitute = tokenizer.encode(EMPTY_SUBSTITUTE).getIds();
                }
                ids[i] = substitute;
            } else if (pieces.equals(wordPieces(second[i]))) {
                ids[i] = second[i].getIds();
            } else {
                ids[i] = tokenizer.encode(String.join("", pieces)).getIds();
            }
        }
        return ids;
    }

    /** The tokens without the leading [CLS] and trailing [SEP]. */
    private static List<String> wordPieces(Encoding encoding) {
        String[] tokens = encoding.getTokens();
        return tokens.length <= 2 ? List.of() : Arrays.asList(tokens).subList(1, tokens.length - 1);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OnnxMiniLmEncoder.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return in.readAllBytes();
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        } finally {
            tokenizer.close();
        }
    }
}
