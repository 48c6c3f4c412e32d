package dev.ufp.mining.reward;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Trains an ensemble of K {@link MlpHead}s with Adam, each on its own seeded bootstrap resample, into a work
 * directory: after every epoch a head's params are saved ({@code head-<k>/head-<epoch>.params}, older ones
 * deleted) and a finished head gets a {@code done} marker, so a restarted run on the same data and config resumes
 * at the last finished epoch of the first unfinished head. (Adam's moment estimates are not saved: a resumed
 * head restarts them, so it is close to, not bit-identical with, an uninterrupted run.) Data or config that differ
 * from the work directory's fingerprint start it afresh.
 */
public final class RewardTrainer {

    static final String HEAD = "head";
    private static final String DONE = "done";
    private static final String FINGERPRINT = "fingerprint";
    private static final double MAX_AUTO_POSITIVE_WEIGHT = 50;
    private static final Logger log = LoggerFactory.getLogger(RewardTrainer.class);

    private final TrainingConfig config;
    private final String encoder;
    private final FeatureOptions features;

    public RewardTrainer(TrainingConfig config, String encoder, FeatureOptions features) {
        this.config = config;
        this.encoder = encoder;
        this.features = features;
    }

    static String headDir(int k) {
        return HEAD + "-" + k;
    }

    /** Love labels ({@code y} 1 = loved, 0 = not): weighted sigmoid cross-entropy. */
    public RewardEnsemble trainLove(float[][] x, float[] y, Path workDir, Progress progress) {
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("need as many labels as feature rows, and at least one row");
        }
        double positives = 0;
        for (float label : y) {
            positives += label;
        }
        if (positives == 0 || positives == y.length) {
            throw new IllegalArgumentException("the training data need both loved and not-loved responses ("
                    + (long) positives + " of " + y.length + " loved)");
        }
        double weight = config.positiveWeight() > 0 ? config.positiveWeight()
                : Math.min(MAX_AUTO_POSITIVE_WEIGHT, Math.max(1, (y.length - positives) / positives));
        log.info("Training {} heads on {} examples ({} loved), positive weight {}", config.heads(), y.length,
                (long) positives, String.format("%.2f", weight));
        int dim = x[0].length;
        float[][] labels = new float[y.length][];
        for (int i = 0; i < y.length; i++) {
            labels[i] = new float[]{y[i]};
        }
        return train(dim, fingerprint(x, y), workDir, progress, manager -> new LoveBatches(
                Djl.matrix(manager, x, dim), Djl.matrix(manager, labels, 1), (float) weight), x.length);
    }

    /** Preference pairs: Bradley–Terry, {@code −log σ(r(chosen) − r(rejected))}. */
    public RewardEnsemble trainPairwise(float[][] chosen, float[][] rejected, Path workDir, Progress progress) {
        if (chosen.length != rejected.length || chosen.length == 0) {
            throw new IllegalArgumentException("need as many rejected as chosen rows, and at least one pair");
        }
        int dim = chosen[0].length;
        return train(dim, fingerprint(java.util.stream.Stream.concat(java.util.Arrays.stream(chosen),
                java.util.Arrays.stream(rejected)).toArray(float[][]::new), new float[0]), workDir, progress,
                manager -> new PairBatches(Djl.matrix(manager, chosen, dim), Djl.matrix(manager, rejected, dim)),
                chosen.length);
    }

    /** One objective's data as tensors: the loss of a batch of row indices. */
    interface Batches {
        NDArray loss(Trainer trainer, NDArray rows, NDManager batchManager);
    }

    private interface BatchesFactory {
        Batches create(NDManager manager);
    }

    record LoveBatches(NDArray x, NDArray y, float positiveWeight) implements Batches {
        @Override
        public NDArray loss(Trainer trainer, NDArray rows, NDManager batchManager) {
            NDArray logits = trainer.forward(new NDList(gather(x, rows, batchManager))).singletonOrThrow();
            return weightedLogistic(logits, gather(y, rows, batchManager), positiveWeight);
        }
    }

    record PairBatches(NDArray chosen, NDArray rejected) implements Batches {
        @Override
        public NDArray loss(Trainer trainer, NDArray rows, NDManager batchManager) {
            NDArray rc = trainer.forward(new NDList(gather(chosen, rows, batchManager))).singletonOrThrow();
            NDArray rr = trainer.forward(new NDList(gather(rejected, rows, batchManager))).singletonOrThrow();
            return bradleyTerry(rc, rr);
        }
    }

    /** The rows of {@code source}, owned by the batch's manager (else they would pile up in the data's). */
    static NDArray gather(NDArray source, NDArray rows, NDManager batchManager) {
        NDArray picked = source.get(rows);
        picked.attach(batchManager);
        return picked;
    }

    /** mean of {@code w·y·softplus(−z) + (1−y)·softplus(z)}: cross-entropy of σ(z) with the positives weighted. */
    public static NDArray weightedLogistic(NDArray logits, NDArray labels, float positiveWeight) {
        NDArray positive = Activation.softPlus(logits.neg()).mul(labels).mul(positiveWeight);
        NDArray negative = Activation.softPlus(logits).mul(labels.neg().add(1));
        return positive.add(negative).mean();
    }

    /** mean of {@code softplus(r(rejected) − r(chosen)) = −log σ(r(chosen) − r(rejected))}. */
    public static NDArray bradleyTerry(NDArray chosenRewards, NDArray rejectedRewards) {
        return Activation.softPlus(rejectedRewards.sub(chosenRewards)).mean();
    }

    /** Adam with the config's fixed learning rate (the bench's bare loop uses the same). */
    public static DefaultTrainingConfig djlConfig(double learningRate) {
        return new DefaultTrainingConfig(Loss.l2Loss()) // the loss is computed by hand; DJL's is not used
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) learningRate)).build());
    }

    private RewardEnsemble train(int dim, String dataFingerprint, Path workDir, Progress progress,
                                 BatchesFactory factory, int rows) {
        try {
            prepare(workDir, dataFingerprint);
            ModelDescriptor descriptor = ModelDescriptor.of(config, dim, encoder, features);
            RewardEnsemble.JSON.writeValue(workDir.resolve(ModelDescriptor.FILE).toFile(), descriptor);
            ProgressMeter meter = new ProgressMeter("training", "examples",
                    (long) rows * config.epochs() * config.heads(), progress);
            try (NDManager manager = Djl.manager()) {
                Batches batches = factory.create(manager);
                for (int k = 0; k < config.heads(); k++) {
                    trainHead(k, dim, rows, batches, workDir.resolve(headDir(k)), meter);
                }
            }
            meter.finish();
            return RewardEnsemble.load(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("reward training work directory " + workDir + ": " + e.getMessage(), e);
        }
    }

    private void trainHead(int k, int dim, int rows, Batches batches, Path dir, ProgressMeter meter)
            throws IOException {
        Files.createDirectories(dir);
        if (Files.exists(dir.resolve(DONE))) {
            log.info("Head {} already trained in {}", k, dir);
            meter.advance((long) rows * config.epochs());
            return;
        }
        int startEpoch = lastEpoch(dir);
        Djl.engine().setRandomSeed((int) (config.seed() * 1_000 + k));
        int[] sample = bootstrap(k, rows);
        try (Model model = Djl.model(HEAD)) {
            model.setBlock(MlpHead.block(config.hidden(), (float) config.dropout()));
            if (startEpoch > 0) {
                model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, dim));
                model.load(dir, HEAD);
                log.info("Head {} resumes after epoch {}", k, startEpoch);
                meter.advance((long) rows * startEpoch);
            }
            try (Trainer trainer = model.newTrainer(djlConfig(config.learningRate()))) {
                trainer.initialize(new Shape(config.batchSize(), dim));
                for (int epoch = startEpoch; epoch < config.epochs(); epoch++) {
                    double loss = epoch(trainer, batches, shuffled(sample, k, epoch), meter, k, epoch);
                    model.setProperty("Epoch", String.valueOf(epoch + 1));
                    model.setProperty("Loss", String.valueOf(loss));
                    model.save(dir, HEAD);
                    deleteOlderThan(dir, epoch + 1);
                }
            }
        } catch (MalformedModelException e) {
            throw new IOException("checkpoint of head " + k + " unreadable: " + e.getMessage(), e);
        }
        Files.createFile(dir.resolve(DONE));
    }

    private double epoch(Trainer trainer, Batches batches, int[] order, ProgressMeter meter, int k, int epoch) {
        double lossSum = 0;
        int count = 0;
        for (int from = 0; from < order.length; from += config.batchSize()) {
            int to = Math.min(order.length, from + config.batchSize());
            long[] ids = new long[to - from];
            for (int i = from; i < to; i++) {
                ids[i - from] = order[i];
            }
            try (NDManager batchManager = trainer.getManager().newSubManager()) {
                NDArray rows = batchManager.create(ids);
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray loss = batches.loss(trainer, rows, batchManager);
                    collector.backward(loss);
                    lossSum += loss.getFloat() * ids.length;
                    count += ids.length;
                }
                trainer.step();
            }
            meter.detail(String.format("head %d/%d epoch %d/%d loss %.4f", k + 1, config.heads(), epoch + 1,
                    config.epochs(), lossSum / count));
            meter.advance(ids.length);
        }
        return lossSum / Math.max(1, count);
    }

    /** Head k's resample: n draws with replacement (seeded by seed and k); with one head, the rows as they are. */
    int[] bootstrap(int k, int rows) {
        int[] sample = new int[rows];
        if (config.heads() == 1) {
            for (int i = 0; i < rows; i++) {
                sample[i] = i;
            }
            return sample;
        }
        Random random = new Random(config.seed() * 7_919 + k);
        for (int i = 0; i < rows; i++) {
            sample[i] = random.nextInt(rows);
        }
        return sample;
    }

    private int[] shuffled(int[] sample, int k, int epoch) {
        int[] order = sample.clone();
        Random random = new Random((config.seed() * 7_919 + k) * 104_729 + epoch);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    private void prepare(Path workDir, String dataFingerprint) throws IOException {
        String expected = RewardEnsemble.JSON.writeValueAsString(config) + "\n" + dataFingerprint + "\n";
        Path file = workDir.resolve(FINGERPRINT);
        if (Files.exists(file) && !Files.readString(file).equals(expected)) {
            log.info("Work directory {} holds another training run; starting afresh", workDir);
            deleteTree(workDir);
        }
        Files.createDirectories(workDir);
        Files.writeString(file, expected);
    }

    private static int lastEpoch(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches(HEAD + "-\\d{4}\\.params"))
                    .mapToInt(n -> Integer.parseInt(n.substring(HEAD.length() + 1, HEAD.length() + 5)))
                    .max().orElse(0);
        }
    }

    private static void deleteOlderThan(Path dir, int epoch) throws IOException {
        for (int e = 0; e < epoch; e++) {
            Files.deleteIfExists(dir.resolve(String.format("%s-%04d.params", HEAD, e)));
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String fingerprint(float[][] rows, float[] extra) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(8 * 4 + 8);
            digest.update(("n=" + rows.length + ",d=" + (rows.length == 0 ? 0 : rows[0].length))
                    .getBytes(StandardCharsets.UTF_8));
            for (float[] row : rows) {
                buffer.clear();
                for (int i = 0; i < Math.min(8, row.length); i++) {
                    buffer.putFloat(row[i]);
                }
                digest.update(buffer.array(), 0, buffer.position());
            }
            for (float v : extra) {
                buffer.clear();
                buffer.putFloat(v);
                digest.update(buffer.array(), 0, 4);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
