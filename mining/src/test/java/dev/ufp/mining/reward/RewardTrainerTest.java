package dev.ufp.mining.reward;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The head and the ensemble on separable synthetic features (no encoder: this is about the head). */
class RewardTrainerTest {

    private static final int DIM = 64;

    private static TrainingConfig config(int heads, int epochs) {
        return new TrainingConfig(TrainingConfig.Objective.LOVE, heads, epochs, 64, 3e-3, 32, 0.0, 11, 0,
                TrainingConfig.LabelMode.EVIDENCE, 0.2);
    }

    private static RewardTrainer trainer(TrainingConfig config) {
        return new RewardTrainer(config, "synthetic", FeatureOptions.defaults());
    }

    @Test
    void aSmallEnsembleLearnsSeparableLoveLabelsAndIsConservative(@TempDir Path work) {
        Synthetic train = new Synthetic(1500, DIM, 1);
        Synthetic test = new Synthetic(500, DIM, 2);
        assertThat(sum(train.y)).isBetween(100.0, 600.0);
        try (RewardEnsemble ensemble = trainer(config(3, 6)).trainLove(train.x, train.y, work, Progress.NONE)) {
            List<EnsembleScore> mean = ensemble.score(test.x, ScoreMode.MEAN, 1.0);
            double auc = RewardMetrics.auc(mean.stream().mapToDouble(EnsembleScore::pLove).toArray(), test.labels());
            System.out.printf("synthetic held-out AUC %.4f%n", auc);
            assertThat(auc).isGreaterThan(0.9);
            assertThat(mean).allSatisfy(s -> assertThat(s.heads()).hasSize(3));
            assertThat(mean.stream().mapToDouble(EnsembleScore::spread).max().orElse(0)).isGreaterThan(0);
            List<EnsembleScore> worst = ensemble.score(test.x, ScoreMode.WORST_CASE, 1.0);
            List<EnsembleScore> weighted = ensemble.score(test.x, ScoreMode.UNCERTAINTY_WEIGHTED, 1.0);
            for (int i = 0; i < mean.size(); i++) {
                assertThat(worst.get(i).pLove()).isLessThanOrEqualTo(mean.get(i).mean() + 1e-12);
                assertThat(weighted.get(i).pLove()).isLessThanOrEqualTo(mean.get(i).mean() + 1e-12);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameScores(@TempDir Path a, @TempDir Path b) {
        Synthetic train = new Synthetic(400, DIM, 3);
        try (RewardEnsemble first = trainer(config(2, 2)).trainLove(train.x, train.y, a, Progress.NONE);
             RewardEnsemble second = trainer(config(2, 2)).trainLove(train.x, train.y, b, Progress.NONE)) {
            assertThat(second.headProbabilities(train.x)).isDeepEqualTo(first.headProbabilities(train.x));
        }
    }

    @Test
    void anInterruptedRunResumesFromItsCheckpoints(@TempDir Path work) throws Exception {
        Synthetic train = new Synthetic(400, DIM, 4);
        TrainingConfig config = config(2, 3);
        trainer(config).trainLove(train.x, train.y, work, Progress.NONE).close();
        // as if the run had stopped after head 1's first epoch
        Files.delete(work.resolve("head-1/done"));
        Files.move(work.resolve("head-1/head-0003.params"), work.resolve("head-1/head-0001.params"));
        byte[] head0 = Files.readAllBytes(work.resolve("head-0/head-0003.params"));

        AtomicLong firstReport = new AtomicLong(-1);
        try (RewardEnsemble resumed = trainer(config).trainLove(train.x, train.y, work,
                s -> firstReport.compareAndSet(-1, s.done()))) {
            assertThat(firstReport.get()).as("head 0 counted as done, not retrained").isEqualTo(400L * 3);
            assertThat(Files.readAllBytes(work.resolve("head-0/head-0003.params"))).isEqualTo(head0);
            assertThat(work.resolve("head-1/done")).exists();
            assertThat(work.resolve("head-1/head-0003.params")).exists();
            assertThat(work.resolve("head-1/head-0001.params")).doesNotExist();
            assertThat(resumed.headProbabilities(train.x)[0]).hasSize(2);
        }
        // other data: the work directory starts afresh
        Synthetic other = new Synthetic(300, DIM, 9);
        trainer(config).trainLove(other.x, other.y, work, Progress.NONE).close();
        assertThat(Files.readAllBytes(work.resolve("head-0/head-0003.params"))).isNotEqualTo(head0);
    }

    @Test
    void bradleyTerryOnPairsRanksTheChosenSideHigher(@TempDir Path work) {
        Synthetic data = new Synthetic(2000, DIM, 5);
        java.util.List<float[]> pos = new java.util.ArrayList<>();
        java.util.List<float[]> neg = new java.util.ArrayList<>();
        for (int i = 0; i < data.y.length; i++) {
            (data.y[i] > 0.5 ? pos : neg).add(data.x[i]);
        }
        int pairs = pos.size();
        float[][] chosen = pos.toArray(float[][]::new);
        float[][] rejected = neg.subList(0, pairs).toArray(float[][]::new);
        int train = pairs * 3 / 4;
        TrainingConfig config = config(2, 8).with(TrainingConfig.Objective.PAIRWISE, 2, 8, 5);
        try (RewardEnsemble ensemble = trainer(config).trainPairwise(java.util.Arrays.copyOf(chosen, train),
                java.util.Arrays.copyOf(rejected, train), work, Progress.NONE)) {
            double[] c = mean(ensemble, java.util.Arrays.copyOfRange(chosen, train, pairs));
            double[] r = mean(ensemble, java.util.Arrays.copyOfRange(rejected, train, pairs));
            double accuracy = RewardMetrics.pairwiseAccuracy(c, r);
            System.out.printf("synthetic held-out pairwise accuracy %.4f%n", accuracy);
            assertThat(accuracy).isGreaterThan(0.85);
        }
    }

    @Test
    void oneClassIsRefused(@TempDir Path work) {
        assertThatThrownBy(() -> trainer(config(1, 1)).trainLove(new float[][]{{1f}, {2f}}, new float[]{0, 0}, work,
                Progress.NONE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 of 2 loved");
    }

    private static double[] mean(RewardEnsemble ensemble, float[][] x) {
        return ensemble.score(x, ScoreMode.MEAN, 0).stream().mapToDouble(EnsembleScore::mean).toArray();
    }

    private static double sum(float[] values) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }
}
