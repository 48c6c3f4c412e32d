package dev.ufp.infra.bench;

import dev.ufp.launchers.ElasticsearchNode;
import dev.ufp.launchers.KafkaBroker;
import dev.ufp.launchers.ManagedProcess;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the durability harnesses run against: a real Kafka broker and Elasticsearch node (stoppable and restartable
 * on the same data and ports), the platform in its own JVM on H2 or a fresh PostgreSQL database, and an API key of
 * one tenant. Closing stops everything; the temporary directory goes only after a correct run.
 */
final class DurabilityStack implements AutoCloseable {

    private final Path temp;
    private final BenchDatabase database;
    private final KafkaBroker.Config brokerConfig;
    private final ElasticsearchNode.Settings nodeSettings;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private KafkaBroker broker;
    private ElasticsearchNode node;
    private PlatformProcess platform;
    private EventsClient client;
    private boolean keepFiles = true;

    private DurabilityStack(Path temp, BenchDatabase database) {
        this.temp = temp;
        this.database = database;
        this.brokerConfig = KafkaBroker.Config.onFreePorts(temp.resolve("kafka"));
        this.nodeSettings = ElasticsearchNode.Settings.onFreePorts(temp.resolve("es"));
    }

    /** Starts broker, node and platform (its log appended under the temporary directory) and issues a key. */
    static DurabilityStack start(String prefix, CrashOptions.Store store, String databaseName, Path jar,
                                 List<String> platformArguments, String tenant) throws Exception {
        Path temp = Files.createTempDirectory(prefix);
        DurabilityStack stack = new DurabilityStack(temp,
                store == CrashOptions.Store.POSTGRES ? new BenchDatabase(databaseName) : null);
        try {
            log("starting Kafka and Elasticsearch under %s", temp);
            stack.startBroker();
            stack.startNode();
            if (stack.database != null) {
                stack.database.create();
            }
            List<String> appArgs = new ArrayList<>(List.of("--feedback.kafka.enabled=true",
                    "--spring.kafka.bootstrap-servers=" + stack.bootstrap(),
                    "--feedback.elasticsearch.url=" + stack.elasticUrl()));
            appArgs.addAll(platformArguments);
            PlatformProcess.Launch launch = new PlatformProcess.Launch(jar,
                    Files.createDirectories(temp.resolve("platform")),
                    stack.database == null ? null : stack.database.name(), PlatformProcess.newAdminKey(),
                    ManagedProcess.freePort(), List.of("-Xmx1g"), appArgs);
            stack.platform = PlatformProcess.start(launch);
            log("platform pid %d on %s, store %s (log %s)", stack.platform.pid(), stack.platform.uri("/"), store,
                    stack.platform.log());
            stack.platform.awaitHealthy(stack.http);
            stack.client = EventsClient.withNewKey(stack.http, stack.platform, tenant);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    void startBroker() {
        broker = KafkaBroker.start(brokerConfig);
    }

    void stopBroker() {
        broker.stop();
    }

    void startNode() {
        node = ElasticsearchNode.start(nodeSettings);
    }

    void stopNode() {
        node.stop();
    }

    /** kill -9 of the platform, then a start on the same data, port and key; returns the time to ready in ms. */
    long killAndRestartPlatform() throws Exception {
        platform.kill();
        long restart = System.nanoTime();
        platform = platform.restart();
        platform.awaitHealthy(http);
        return (System.nanoTime() - restart) / 1_000_000;
    }

    String bootstrap() {
        return "127.0.0.1:" + brokerConfig.port();
    }

    String elasticUrl() {
        return "http://127.0.0.1:" + nodeSettings.httpPort();
    }

    HttpClient http() {
        return http;
    }

    PlatformProcess platform() {
        return platform;
    }

    EventsClient client() {
        return client;
    }

    ProjectionElastic elastic() {
        return new ProjectionElastic(http, elasticUrl());
    }

    /** Lets closing delete the temporary directory (logs included): call after a correct run. */
    void succeeded() {
        keepFiles = false;
    }

    @Override
    public void close() throws Exception {
        if (platform != null) {
            platform.close();
            if (keepFiles) {
                System.err.println("platform log kept at " + platform.log());
            }
        }
        if (node != null) {
            node.stop();
        }
        if (broker != null) {
            broker.stop();
        }
        if (database != null) {
            database.close();
        }
        if (!keepFiles) {
            try (var files = Files.walk(temp)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                System.err.println("could not delete " + temp + ": " + e);
            }
        }
    }

    private static void log(String format, Object... args) {
        IngestBenchmark.log(format, args);
    }
}
