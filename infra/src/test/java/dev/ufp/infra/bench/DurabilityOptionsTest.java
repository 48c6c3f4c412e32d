package dev.ufp.infra.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The options of {@code bench crash} and {@code bench outage}: the sizes by default, clear refusals. */
class DurabilityOptionsTest {

    @Test
    void crashDefaultsToTenKillsOnH2() {
        CrashOptions options = CrashOptions.parse(new String[0]);

        assertThat(options.kills()).isEqualTo(10);
        assertThat(options.store()).isEqualTo(CrashOptions.Store.H2);
        assertThat(options.httpThreads()).isEqualTo(4);
        assertThat(options.batchSize()).isEqualTo(40);
        assertThat(options.minUpSeconds()).isEqualTo(5);
        assertThat(options.maxUpSeconds()).isEqualTo(15);
    }

    @Test
    void crashReadsARangeOfUptimesAndRepeatedPlatformArguments() {
        CrashOptions options = CrashOptions.parse(new String[] {"--store", "postgres", "--up-seconds", "4-8",
                "--platform-arg", "--a=1", "--platform-arg", "--b=2"});

        assertThat(options.store()).isEqualTo(CrashOptions.Store.POSTGRES);
        assertThat(options.minUpSeconds()).isEqualTo(4);
        assertThat(options.maxUpSeconds()).isEqualTo(8);
        assertThat(options.platformArguments()).containsExactly("--a=1", "--b=2");
    }

    @Test
    void outageDefaultsToSixtySecondsOnPostgresWithTheClusterRestart() {
        OutageOptions options = OutageOptions.parse(new String[0]);

        assertThat(options.outageSeconds()).isEqualTo(60);
        assertThat(options.store()).isEqualTo(CrashOptions.Store.POSTGRES);
        assertThat(options.postgresRestart())
                .isEqualTo(List.of("pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "restart"));
    }

    @Test
    void refusalsNameTheOptionTheValueAndTheLimit() {
        assertThatThrownBy(() -> CrashOptions.parse(new String[] {"--store", "mysql"}))
                .hasMessage("--store must be h2 or postgres, was 'mysql'");
        assertThatThrownBy(() -> CrashOptions.parse(new String[] {"--kills", "-1"}))
                .hasMessage("--kills must be a number from 0 to 1000, was '-1'");
        assertThatThrownBy(() -> OutageOptions.parse(new String[] {"--db", "Bad-Name"}))
                .hasMessageContaining("--db must be a plain lower-case PostgreSQL identifier, was 'Bad-Name'");
        assertThatThrownBy(() -> OutageOptions.parse(new String[] {"--outage-seconds"}))
                .hasMessageStartingWith("missing value for --outage-seconds");
    }
}
