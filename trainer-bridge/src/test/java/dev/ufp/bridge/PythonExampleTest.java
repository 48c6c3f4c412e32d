package dev.ufp.bridge;

import dev.ufp.mining.dataset.DatasetManifest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code examples/pull_dataset.py} against this test's running application: paged pull with checksums, resume from
 * its state file after a stop, TRL row checks, and a non-zero exit on a format violation. Skipped (with a message)
 * when {@code python3} is not on the PATH.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonExampleTest extends BridgeTestSupport {

    private static final Path SCRIPT = Path.of("examples/pull_dataset.py");
    @TempDir
    Path work;
    private String key;
    private DatasetManifest dataset;

    @BeforeAll
    void saveDataset() throws Exception {
        Assumptions.assumeTrue(python() != null, "python3 not found on the PATH: skipping the Python example test");
        key = issueKey("python", "trainer");
        dataset = save("python", "prefs", 57, 20);
    }

    @Test
    void pullsInPagesResumesAfterAStopAndVerifiesEveryPageAndTheWholeFile() throws Exception {
        Path out = work.resolve("conv.jsonl");
        Run stopped = run("--format", "trl-conversational", "--page-size", "7", "--max-pages", "3",
                "--out", out.toString());
        assertThat(stopped.exit()).as(stopped.output()).isEqualTo(3);
        assertThat(Files.readAllLines(out)).hasSize(21);
        // a run killed while writing leaves a partial page behind: the next run must drop it
        Files.writeString(out, "{\"prompt\":[{\"ro", java.nio.file.StandardOpenOption.APPEND);
        Run resumed = run("--format", "trl-conversational", "--page-size", "7", "--out", out.toString());
        assertThat(resumed.exit()).as(resumed.output()).isZero();
        assertThat(resumed.output()).contains("ok: 57 rows in 9 pages");
        assertThat(Files.readAllBytes(out)).isEqualTo(
                get(key, "/v1/datasets/" + dataset.datasetId() + "/pairs?format=trl-conversational").body());
    }

    @Test
    void checksKtoRowsWithMetadataAndStandardTrlRows() throws Exception {
        Run kto = run("--format", "kto", "--param", "kto-source=both", "--meta", "--page-size", "10",
                "--out", work.resolve("kto.jsonl").toString());
        assertThat(kto.exit()).as(kto.output()).isZero();
        assertThat(kto.output()).contains("ok: " + (20 + 2 * 57) + " rows");
        Run trl = run("--format", "trl", "--split", "test", "--out", work.resolve("trl.jsonl").toString());
        assertThat(trl.exit()).as(trl.output()).isZero();
    }

    @Test
    void exitsNonZeroOnRowsThatAreNotInATrlFormat() throws Exception {
        Run custom = run("--format", "openrlhf", "--param", "prompt-key=question", "--page-size", "5",
                "--out", work.resolve("custom.jsonl").toString());
        assertThat(custom.exit()).as(custom.output()).isEqualTo(1);
        assertThat(custom.output()).contains("violation: row 1");
        Run rlhflow = run("--format", "rlhflow", "--out", work.resolve("rlhflow.jsonl").toString());
        assertThat(rlhflow.exit()).isEqualTo(1);
    }

    private record Run(int exit, String output) {
    }

    private Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(python(), SCRIPT.toString(), "--url", base(), "--key", key,
                "--dataset", dataset.datasetId()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static String python() {
        try {
            Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0 ? "python3" : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }
}
