package dev.ufp.infra.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MiningBenchOptionsTest {

    @Test
    void defaultsToAMillionEvents() {
        MiningBenchOptions options = MiningBenchOptions.parse(new String[0]);

        assertThat(options.events()).isEqualTo(1_000_000);
        assertThat(options.seed()).isEqualTo(11);
        assertThat(options.bulkBatch()).isEqualTo(5000);
        assertThat(options.esHeap()).isEqualTo("1g");
        assertThat(options.database()).isEqualTo("feedback_bench_mining");
        assertThat(options.jar()).isEqualTo(Path.of("infra/target/infra-0.1.0-SNAPSHOT.jar"));
        assertThat(options.platformJvmOptions()).isEmpty();
    }

    @Test
    void readsEveryOptionAndRepeatsTheListOnes() {
        MiningBenchOptions options = MiningBenchOptions.parse(new String[] {"--events", "100_000", "--seed", "7",
                "--bulk-batch", "2000", "--timeout-minutes", "5", "--db", "mine_b", "--jar", "x.jar", "--es-heap", "2g",
                "--platform-jvm-opt", "-Xmx2g", "--platform-jvm-opt", "-XX:StartFlightRecording=filename=m.jfr",
                "--platform-arg", "--a=b"});

        assertThat(options.events()).isEqualTo(100_000);
        assertThat(options.seed()).isEqualTo(7);
        assertThat(options.bulkBatch()).isEqualTo(2000);
        assertThat(options.timeoutMinutes()).isEqualTo(5);
        assertThat(options.database()).isEqualTo("mine_b");
        assertThat(options.jar()).isEqualTo(Path.of("x.jar"));
        assertThat(options.esHeap()).isEqualTo("2g");
        assertThat(options.platformJvmOptions()).containsExactly("-Xmx2g", "-XX:StartFlightRecording=filename=m.jfr");
        assertThat(options.platformArguments()).isEqualTo(List.of("--a=b"));
    }

    @Test
    void rejectsHelpUnknownMissingAndOutOfRangeValuesWithTheUsage() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"--events"},
                new String[] {"--rows", "5"}, new String[] {"--events", "many"}, new String[] {"--events", "10"},
                new String[] {"--db", "Bad-Name"}, new String[] {"--es-heap", "lots"},
                new String[] {"--bulk-batch", "0"})) {
            assertThatThrownBy(() -> MiningBenchOptions.parse(args))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("usage: bench mining");
        }
    }
}
