package dev.ufp.infra.launch;

import dev.ufp.launchers.ManagedProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code infra/bin/platform start} as a user runs it, with the real jar, broker and node: after a {@code kill -9} of
 * the platform it starts again reusing the broker and node left running; a start that fails says why in one line
 * and leaves nothing it started running; the admin key from the environment is never printed.
 */
class PlatformScriptIntegrationTest {

    private static final String ADMIN_KEY = "script-it-" + UUID.randomUUID();

    @TempDir
    Path temp;
    private final List<PlatformScript> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (PlatformScript script : started) {
            script.run("stop");
        }
    }

    @Test
    void startsAgainAfterAKillNineReusingTheBrokerAndNodeItLeftRunning() throws Exception {
        PlatformScript platform = script("crashed");
        PlatformScript.Run first = platform.run("start");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("Platform up").contains("Admin key    from the environment (FEEDBACK_ADMIN_KEY)");
        assertThat(first.out() + first.err()).doesNotContain(ADMIN_KEY);
        String esPid = Files.readString(platform.home().resolve("elasticsearch/elasticsearch.pid"));
        String kafkaPid = Files.readString(platform.home().resolve("kafka/kafka.pid"));

        ProcessHandle jvm = ProcessHandle.of(Long.parseLong(Files.readString(platform.home().resolve("platform.pid"))
                .trim())).orElseThrow();
        jvm.destroyForcibly();
        await().atMost(Duration.ofSeconds(30)).until(() -> !jvm.isAlive());

        PlatformScript.Run second = platform.run("start");
        assertThat(second.code()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).contains("Kafka already running")
                .contains("Elasticsearch already running at http://127.0.0.1:" + platform.env("FEEDBACK_ES_PORT"))
                .contains("Platform up");
        assertThat(Files.readString(platform.home().resolve("elasticsearch/elasticsearch.pid"))).isEqualTo(esPid);
        assertThat(Files.readString(platform.home().resolve("kafka/kafka.pid"))).isEqualTo(kafkaPid);
        assertThat(platform.run("status").code()).isZero();
    }

    @Test
    void aFailedStartSaysWhyInOneLineAndStopsTheBrokerAndNodeItStarted() throws Exception {
        String database = "ufp_missing_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        PlatformScript platform = script("failed").with("FEEDBACK_PG_DB", database);

        PlatformScript.Run run = platform.run("start", "--spring.profiles.active=postgres");

        assertThat(run.code()).isEqualTo(1);
        // (the node's launcher may add one informational line about a temporary directory made traversable)
        assertThat(run.errLines()).filteredOn(line -> line.startsWith("platform: ")).singleElement().asString()
                .startsWith("platform: the PostgreSQL database \"" + database + "\" does not exist")
                .contains("createdb").contains("(log: ");
        assertThat(run.out() + run.err()).doesNotContain("\tat ").doesNotContain("Caused by")
                .doesNotContain("Exception").doesNotContain(ADMIN_KEY);
        assertThat(ManagedProcess.running(platform.home().resolve("kafka/kafka.pid"))).isFalse();
        assertThat(ManagedProcess.running(platform.home().resolve("elasticsearch/elasticsearch.pid"))).isFalse();
        assertThat(ManagedProcess.listening("127.0.0.1", Integer.parseInt(platform.env("FEEDBACK_ES_PORT")))).isFalse();
        assertThat(ManagedProcess.listening("127.0.0.1", Integer.parseInt(platform.env("FEEDBACK_KAFKA_PORT"))))
                .isFalse();
    }

    private PlatformScript script(String name) {
        PlatformScript script = new PlatformScript(temp.resolve(name), ADMIN_KEY);
        started.add(script);
        return script;
    }
}
