package dev.ufp.mining.reward.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import dev.ufp.mining.reward.FeatureEncoder;
import dev.ufp.mining.reward.FeatureOptions;
import dev.ufp.mining.reward.MlpHead;
import dev.ufp.mining.reward.Progress;
import dev.ufp.mining.reward.RewardEnsemble;
import dev.ufp.mining.reward.RewardInput;
import dev.ufp.mining.reward.RewardTrainer;
import dev.ufp.mining.reward.TrainingConfig;
import dev.ufp.projections.followup.MiniLmSentenceEncoder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * (a) Embedding throughput of {@link FeatureEncoder} (fresh cache, so every text is embedded) against one raw
 * {@code MiniLmSentenceEncoder.shared().encodeAll} of the same texts; (b) examples/s of {@link RewardTrainer}
 * (one head, checkpoints included) against a bare DJL loop over the same tensors, MLP, loss, batches and epochs.
 * Args:
 * {@code [texts=4000] [examples=40000] [epochs=5] [rounds=3]} (0 texts or examples skips that part).
 * Each round alternates which side goes first; the median of the rounds' ratios is the result.
 */
public final class RewardBenchmark {

    private static final String[] WORDS = ("the a model answer question user love great thanks code error run "
            + "python java explain step first then finally please sorry help clear example list why how what when "
            + "data file bread garden bike coffee budget travel exam knife paint laptop phone tea knot tyre")
            .split(" ");

    private RewardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int texts = args.length > 0 ? Integer.parseInt(args[0]) : 4000;
        int examples = args.length > 1 ? Integer.parseInt(args[1]) : 40_000;
        int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        System.out.printf("cores %d, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        double[] embedding = texts > 0 ? embedding(texts, rounds) : null;
        double[] training = examples > 0 ? training(examples, epochs, rounds) : null;
        System.out.println();
        if (embedding != null) {
            System.out.printf("embedding: pipeline %.0f texts/s, raw encodeAll %.0f texts/s (best rounds); median"
                    + " ratio of the rounds %.2f (target >= 0.8)%n", embedding[0], embedding[1], embedding[2]);
        }
        if (training != null) {
            System.out.printf("training:  trainer %.0f examples/s, bare DJL loop %.0f examples/s (best rounds);"
                    + " median ratio of the rounds %.2f (target >= 0.8)%n", training[0], training[1], training[2]);
        }
    }

    /** {pipeline texts/s, raw texts/s}, best of the rounds. */
    static double[] embedding(int count, int rounds) {
        List<String> all = texts(count, 1);
        MiniLmSentenceEncoder raw = MiniLmSentenceEncoder.shared();
        raw.encodeAll(texts(200, 2)); // load and warm up the model
        new FeatureEncoder(raw, new FeatureOptions(0, false), 1L << 30).encode(inputs(texts(200, 3)));
        double bestPipeline = 0;
        double bestRaw = 0;
        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            FeatureEncoder pipeline = new FeatureEncoder(raw, new FeatureOptions(0, false), 1L << 30);
            float[][] direct = null;
            double rawRate = 0;
            if (round % 2 == 1) { // alternate which side goes first: the machine's load drifts
                long t0 = System.nanoTime();
                direct = raw.encodeAll(all);
                rawRate = all.size() / seconds(t0);
            }
            long t1 = System.nanoTime();
            float[][] features = pipeline.encode(inputs(all), Progress.NONE);
            double pipelineRate = all.size() / seconds(t1);
            if (round % 2 == 0) {
                long t0 = System.nanoTime();
                direct = raw.encodeAll(all);
                rawRate = all.size() / seconds(t0);
            }
            ratios[round] = pipelineRate / rawRate;
            long t2 = System.nanoTime();
            pipeline.encode(inputs(all), Progress.NONE);
            double cachedRate = all.size() / seconds(t2);
            check(direct, features);
            System.out.printf("embedding round %d: raw %.0f texts/s, pipeline %.0f texts/s, pipeline again (cached)"
                    + " %.0f texts/s; %s%n", round + 1, rawRate, pipelineRate, cachedRate, pipeline.cacheStats());
            bestRaw = Math.max(bestRaw, rawRate);
            bestPipeline = Math.max(bestPipeline, pipelineRate);
        }
        return new double[]{bestPipeline, bestRaw, median(ratios)};
    }

    /** {trainer examples/s, bare examples/s}, best of the rounds. */
    static double[] training(int count, int epochs, int rounds) throws Exception {
        int dim = 2 * FeatureEncoder.EMBEDDING_DIM;
        Random random = new Random(5);
        float[][] x = new float[count][dim];
        float[] y = new float[count];
        for (int i = 0; i < count; i++) {
            double dot = 0;
            for (int j = 0; j < dim; j++) {
                x[i][j] = (float) random.nextGaussian() * 0.05f;
                dot += j % 3 == 0 ? x[i][j] : 0;
            }
            y[i] = dot > 0.6 ? 1 : 0;
        }
        TrainingConfig config = new TrainingConfig(TrainingConfig.Objective.LOVE, 1, epochs, 256, 1e-3, 128, 0.1, 42,
                4, TrainingConfig.LabelMode.EVIDENCE, 0.2);
        bare(x, y, config, 1); // warm up the engine
        double bestTrainer = 0;
        double bestBare = 0;
        double[] ratios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            double bareRate = 0;
            if (round % 2 == 1) { // alternate which side goes first: the machine's load drifts
                long t1 = System.nanoTime();
                bare(x, y, config, epochs);
                bareRate = (double) count * epochs / seconds(t1);
            }
            Path work = Files.createTempDirectory("reward-bench-");
            long t0 = System.nanoTime();
            try (RewardEnsemble ignored = new RewardTrainer(config, "bench", FeatureOptions.defaults())
                    .trainLove(x, y, work, Progress.NONE)) {
                double trainerRate = (double) count * epochs / seconds(t0);
                if (round % 2 == 0) {
                    long t1 = System.nanoTime();
                    bare(x, y, config, epochs);
                    bareRate = (double) count * epochs / seconds(t1);
                }
                ratios[round] = trainerRate / bareRate;
                System.out.printf("training round %d: trainer %.0f examples/s, bare DJL loop %.0f examples/s,"
                        + " ratio %.2f%n", round + 1, trainerRate, bareRate, ratios[round]);
                bestTrainer = Math.max(bestTrainer, trainerRate);
                bestBare = Math.max(bestBare, bareRate);
            } finally {
                try (var files = Files.walk(work)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        return new double[]{bestTrainer, bestBare, median(ratios)};
    }

    /** The baseline: the same MLP, Adam, loss and batch size over the same tensors; no bootstrap, no checkpoints. */
    static void bare(float[][] x, float[] y, TrainingConfig config, int epochs) {
        int dim = x[0].length;
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
             Model model = Model.newInstance("bare", Device.cpu(), "PyTorch")) {
            float[] flat = new float[x.length * dim];
            for (int i = 0; i < x.length; i++) {
                System.arraycopy(x[i], 0, flat, i * dim, dim);
            }
            NDArray features = manager.create(flat, new Shape(x.length, dim));
            NDArray labels = manager.create(y, new Shape(y.length, 1));
            model.setBlock(MlpHead.block(config.hidden(), (float) config.dropout()));
            try (Trainer trainer = model.newTrainer(RewardTrainer.djlConfig(config.learningRate()))) {
                trainer.initialize(new Shape(config.batchSize(), dim));
                Random random = new Random(1);
                for (int epoch = 0; epoch < epochs; epoch++) {
                    int[] order = random.ints(0, x.length).limit(x.length).toArray();
                    for (int from = 0; from < order.length; from += config.batchSize()) {
                        long[] ids = new long[Math.min(order.length, from + config.batchSize()) - from];
                        for (int i = 0; i < ids.length; i++) {
                            ids[i] = order[from + i];
                        }
                        try (NDManager batch = trainer.getManager().newSubManager()) {
                            NDArray rows = batch.create(ids);
                            NDArray xb = features.get(rows);
                            xb.attach(batch);
                            NDArray yb = labels.get(rows);
                            yb.attach(batch);
                            try (GradientCollector collector = trainer.newGradientCollector()) {
                                NDArray logits = trainer.forward(new NDList(xb)).singletonOrThrow();
                                NDArray loss = RewardTrainer.weightedLogistic(logits, yb,
                                        (float) config.positiveWeight());
                                collector.backward(loss);
                                loss.getFloat();
                            }
                            trainer.step();
                        }
                    }
                }
            }
        }
    }

    private static List<RewardInput> inputs(List<String> texts) {
        List<RewardInput> inputs = new ArrayList<>();
        for (int i = 0; i + 1 < texts.size(); i += 2) {
            inputs.add(new RewardInput(texts.get(i), List.of(), texts.get(i + 1)));
        }
        return inputs;
    }

    /** Distinct texts of 8–70 words. */
    static List<String> texts(int count, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder("#").append(seed).append('-').append(i);
            int words = 8 + random.nextInt(63);
            for (int w = 0; w < words; w++) {
                text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
            }
            out.add(text.toString());
        }
        return out;
    }

    private static void check(float[][] direct, float[][] features) {
        for (int i = 0; i < features.length; i++) {
            for (int j = 0; j < FeatureEncoder.EMBEDDING_DIM; j++) {
                if (Math.abs(features[i][j] - direct[2 * i][j]) > 1e-4
                        || Math.abs(features[i][FeatureEncoder.EMBEDDING_DIM + j] - direct[2 * i + 1][j]) > 1e-4) {
                    throw new IllegalStateException("pipeline features differ from the raw embeddings at row " + i);
                }
            }
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
