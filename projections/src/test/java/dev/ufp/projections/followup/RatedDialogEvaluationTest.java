package dev.ufp.projections.followup;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the ConvAI2 evaluation when the shared data folder is present ({@code ../shared/data} relative to the
 * repository root); skips with a message otherwise. Asserts only relations that were measured to hold
 * (BENCHMARKS.md), never the numbers themselves.
 */
class RatedDialogEvaluationTest {

    private static RatedDialogEvaluation.Report report;

    @BeforeAll
    static void evaluate() throws Exception {
        Path data = locate();
        assumeTrue(data != null, "ConvAI2 data not found at ../shared/data/convai2/data_intermediate.json "
                + "(relative to the repository root): skipping the follow-up evaluation");
        report = RatedDialogEvaluation.evaluate(data,
                List.of(EmbeddingFollowUpClassifier.shared(), new LexicalFollowUpClassifier()), 1);
        System.out.print(RatedDialogEvaluation.format(report));
    }

    /** Surefire runs in the module folder; the repository root is its parent. */
    private static Path locate() {
        for (Path root : List.of(Path.of(".."), Path.of("."))) {
            Path file = root.resolve("../shared/data/convai2/data_intermediate.json").normalize();
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return null;
    }

    @Test
    void everyPairIsScoredAndBothRatingsOccur() {
        assertThat(report.pairs()).isPositive();
        assertThat(report.liked()).isBetween(1, report.pairs() - 1);
        for (RatedDialogEvaluation.Result r : report.results()) {
            assertThat(r.counts().values().stream().mapToInt(c -> c[0] + c[1]).sum()).isEqualTo(report.pairs());
        }
    }

    @Test
    void miniLmBeatsChanceAndTheLexicalBaseline() {
        RatedDialogEvaluation.Result minilm = report.results().get(0);
        RatedDialogEvaluation.Result lexical = report.results().get(1);
        assertThat(minilm.name()).isEqualTo("flr-minilm");
        assertThat(minilm.auc()).isGreaterThan(0.5);
        assertThat(minilm.auc()).isGreaterThan(lexical.auc());
    }
}
