package dev.ufp.launchers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaBrokerIntegrationTest {

    @TempDir
    Path home;

    @Test
    void startsAcceptsClientsRefusesATakenPortAndStopsByPid() {
        KafkaBroker.Config config = KafkaBroker.Config.onFreePorts(home);
        try (KafkaBroker broker = KafkaBroker.start(config)) {
            assertThat(ManagedProcess.listening("127.0.0.1", config.port())).isTrue();
            assertThat(Files.exists(home.resolve("data/meta.properties"))).isTrue();
            assertThat(ProcessHandle.of(broker.pid())).isPresent();

            KafkaBroker.Config clash = new KafkaBroker.Config(config.port(), ManagedProcess.freePort(),
                    home.resolve("other"), "256m");
            assertThatThrownBy(() -> KafkaBroker.start(clash))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + config.port())
                    .hasMessageContaining("already in use");

            assertThat(KafkaBroker.stop(home)).isTrue();
            assertThat(ProcessHandle.of(broker.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(ManagedProcess.listening("127.0.0.1", config.port())).isFalse();
        }
    }

    @Test
    void restartsOnItsFormattedStorage() {
        KafkaBroker.Config config = KafkaBroker.Config.onFreePorts(home);
        KafkaBroker.start(config).stop();
        String clusterId = read(home.resolve("data/meta.properties"));
        try (KafkaBroker again = KafkaBroker.start(config)) {
            assertThat(read(home.resolve("data/meta.properties"))).isEqualTo(clusterId);
            assertThat(ManagedProcess.listening("127.0.0.1", config.port())).isTrue();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
