package dev.ufp.infra.bench;

import dev.ufp.launchers.ElasticsearchNode;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the Elasticsearch benchmarks run against: a fresh PostgreSQL database, a real Elasticsearch node and the
 * platform in their own JVMs (Kafka off, the abandonment sweep daily). Closing stops the platform and the node,
 * drops the database and deletes the temporary directory, once, also on Ctrl-C.
 */
final class ElasticBenchStack implements AutoCloseable {

    private final Path temp;
    private final BenchDatabase database;
    private final AtomicBoolean cleaned = new AtomicBoolean();
    private final Thread onInterrupt = new Thread(this::cleanUp, "bench-cleanup");
    private ElasticsearchNode node;
    private PlatformProcess platform;

    private ElasticBenchStack(String prefix, String database) throws IOException {
        this.database = new BenchDatabase(database);
        this.temp = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(onInterrupt);
    }

    /** Starts everything and waits until the platform is ready; on a failure, keeps the logs and stops what ran. */
    static ElasticBenchStack start(String prefix, String database, String esHeap, Path jar, List<String> jvmOptions,
                                   List<String> platformArguments, HttpClient http) throws Exception {
        ElasticBenchStack stack = new ElasticBenchStack(prefix, database);
        try {
            stack.database.create();
            log("starting Elasticsearch (heap %s) under %s", esHeap, stack.temp);
            stack.node = ElasticsearchNode.start(ElasticsearchNode.Settings.onFreePorts(stack.temp.resolve("es"))
                    .withHeap(esHeap));
            log("Elasticsearch at %s, pid %d", stack.node.url(), stack.node.pid());
            List<String> appArgs = new ArrayList<>();
            if (platformArguments.stream().noneMatch(a -> a.startsWith("--feedback.kafka.enabled="))) {
                appArgs.add("--feedback.kafka.enabled=false");
            }
            appArgs.addAll(List.of("--feedback.elasticsearch.url=" + stack.node.url(),
                    // the sweep would add abandonment signals (old timestamps) mid-run and skew the counts
                    "--feedback.projections.abandonment-sweep-interval=24h"));
            appArgs.addAll(platformArguments);
            stack.platform = PlatformProcess.start(jar, database, jvmOptions, appArgs);
            log("platform pid %d starting on %s (log %s)", stack.platform.pid(), stack.platform.uri("/"),
                    stack.platform.log());
            stack.platform.awaitHealthy(http);
            return stack;
        } catch (Exception | Error e) {
            stack.keepLogs();
            stack.close();
            throw e;
        }
    }

    PlatformProcess platform() {
        return platform;
    }

    ElasticsearchNode node() {
        return node;
    }

    BenchDatabase database() {
        return database;
    }

    /** Keeps the platform and Elasticsearch logs of a failed run outside the directories closing deletes. */
    void keepLogs() {
        try {
            Path kept = Files.createTempDirectory("ufp-bench-logs-");
            if (platform != null && Files.exists(platform.log())) {
                Files.copy(platform.log(), kept.resolve("platform.log"));
            }
            Path esLogs = temp.resolve("es/logs");
            if (Files.isDirectory(esLogs)) {
                try (var files = Files.list(esLogs)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        Files.copy(f, kept.resolve(f.getFileName()));
                    }
                }
            }
            System.err.println("run failed; logs kept in " + kept);
        } catch (IOException e) {
            System.err.println("could not keep the logs: " + e);
        }
    }

    @Override
    public void close() {
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook runs cleanUp, once
        }
    }

    private void cleanUp() {
        if (!cleaned.compareAndSet(false, true)) {
            return;
        }
        try {
            if (platform != null) {
                platform.close();
                platform.deleteHome();
            }
        } catch (Exception e) {
            System.err.println("could not stop the platform: " + e);
        }
        try {
            if (node != null) {
                node.stop();
            }
        } catch (Exception e) {
            System.err.println("could not stop Elasticsearch: " + e);
        }
        try {
            database.close();
        } catch (Exception e) {
            System.err.println("could not drop database " + database.name() + ": " + e);
        }
        try (var files = Files.walk(temp)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not delete " + temp + ": " + e);
        }
    }

    private static void log(String format, Object... args) {
        IngestBenchmark.log(format, args);
    }
}
