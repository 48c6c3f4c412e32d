package dev.ufp.launchers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Starts one real node on free ports, talks to it, then stops it by its pid file as another JVM would. */
@TestMethodOrder(MethodOrderer.MethodName.class)
class ElasticsearchNodeIntegrationTest {

    @TempDir
    static Path home;
    private static ElasticsearchNode node;

    @BeforeAll
    static void start() {
        node = ElasticsearchNode.start(ElasticsearchNode.Settings.onFreePorts(home.resolve("node")));
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void answersClusterHealthOnLoopbackAndKeepsItsFilesInItsHome() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(node.url() + "/_cluster/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"number_of_nodes\":1").doesNotContain("\"status\":\"red\"");
        assertThat(node.url()).startsWith("http://127.0.0.1:");
        assertThat(home.resolve("node/config/elasticsearch.keystore")).exists();
        assertThat(home.resolve("node/elasticsearch.pid")).exists();
        assertThat(Files.list(home.resolve("node/data"))).isNotEmpty();
    }

    @Test
    void aTakenPortIsAClearError() {
        ElasticsearchNode.Settings clash = ElasticsearchNode.Settings.of(home.resolve("other"),
                node.settings().httpPort(), ManagedProcess.freePort());
        assertThatThrownBy(() -> ElasticsearchNode.start(clash))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("port " + node.settings().httpPort())
                .hasMessageContaining("already in use");
        assertThat(ElasticsearchNode.running(home.resolve("other"))).isFalse();
    }

    @Test
    void theCliRejectsABadPortWithUsage() {
        var err = new java.io.ByteArrayOutputStream();
        int code = ElasticsearchCli.run(new String[]{"start", "--home", home.resolve("x").toString(),
                "--http-port", "99999"}, System.out, new java.io.PrintStream(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--http-port must be a port 1-65535, was '99999'");
    }

    @Test
    void aStartOnTheHomeOfARunningNodeReusesIt() throws Exception {
        String pid = Files.readString(home.resolve("node/elasticsearch.pid"));
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int code = ElasticsearchCli.run(new String[]{"start", "--home", node.settings().home().toString(),
                        "--http-port", Integer.toString(node.settings().httpPort()),
                        "--transport-port", Integer.toString(node.settings().transportPort())},
                new java.io.PrintStream(out), new java.io.PrintStream(err));
        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        assertThat(out.toString()).contains("Elasticsearch already running at " + node.url() + " (pid " + pid);
        assertThat(Files.readString(home.resolve("node/elasticsearch.pid"))).isEqualTo(pid);
        assertThat(node.healthy()).isTrue();
    }

    @Test
    void aRunningNodeIsNotReusedForAPortItDoesNotServe() {
        ElasticsearchNode.Settings other = ElasticsearchNode.Settings.of(home.resolve("node"),
                ManagedProcess.freePort(), ManagedProcess.freePort());
        assertThat(ElasticsearchNode.runningAt(other, Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void zzStopsByPidFileLikeAnotherJvmWould() {
        assertThat(ElasticsearchNode.running(node.settings().home())).isTrue();
        assertThat(ElasticsearchNode.stop(node.settings().home())).isTrue();
        await().atMost(Duration.ofSeconds(40)).until(() -> !node.healthy());
        assertThat(ElasticsearchNode.running(node.settings().home())).isFalse();
        assertThat(ManagedProcess.listening(ElasticsearchNode.HOST, node.settings().httpPort())).isFalse();
        node = null;
    }
}
