package dev.ufp.projections.it;

import dev.ufp.launchers.ElasticsearchNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One real Elasticsearch node for the whole test JVM (starting one costs 10–40 s here), on free ports in a
 * temporary home, started on first use and stopped when the JVM exits. {@link #restart()} stops and starts the
 * same node (same ports and data) for the outage test.
 */
public final class SharedElasticsearch {

    private static ElasticsearchNode node;
    private static ElasticsearchNode.Settings settings;

    private SharedElasticsearch() {
    }

    public static synchronized String url() {
        if (node == null) {
            try {
                Path home = Files.createTempDirectory("ufp-es-test");
                settings = ElasticsearchNode.Settings.onFreePorts(home.resolve("node"));
                node = ElasticsearchNode.start(settings);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    ElasticsearchNode.stop(settings.home());
                    delete(home);
                }, "stop-test-elasticsearch"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return node.url();
    }

    public static synchronized void stop() {
        url();
        node.stop();
    }

    public static synchronized void start() {
        node = ElasticsearchNode.start(settings);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
