package dev.ufp.launchers;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of {@link ElasticsearchNode}: {@code start} and {@code stop}; returns an exit code. {@code start}
 * reuses the node of the same home when it still runs (a platform that crashed leaves it running) and is healthy
 * on the requested port; a node of that home that does not answer is stopped and started again.
 */
final class ElasticsearchCli {

    private static final String USAGE = """
            usage: ElasticsearchNode start --home DIR [--http-port 9200] [--transport-port 9300] [--heap 512m]
                   ElasticsearchNode stop --home DIR""";
    /** How long a node of this home that is still starting (pid alive, no health yet) is waited for. */
    private static final Duration REUSE_WAIT = Duration.ofSeconds(90);
    private static final Set<String> OPTIONS = Set.of("--home", "--http-port", "--transport-port", "--heap");

    private ElasticsearchCli() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0 || !Set.of("start", "stop").contains(args[0])) {
                err.println(USAGE);
                return 2;
            }
            Map<String, String> options = options(args);
            String home = options.get("--home");
            if (home == null) {
                throw new IllegalArgumentException("--home DIR is required");
            }
            if (args[0].equals("stop")) {
                boolean stopped = ElasticsearchNode.stop(Path.of(home));
                out.println(stopped ? "Elasticsearch stopped" : "Elasticsearch was not running");
                return 0;
            }
            ElasticsearchNode.Settings settings = ElasticsearchNode.Settings.of(Path.of(home),
                            port(options, "--http-port", 9200), port(options, "--transport-port", 9300))
                    .withHeap(options.getOrDefault("--heap", "512m"));
            Optional<Long> running = ElasticsearchNode.runningAt(settings, REUSE_WAIT);
            if (running.isPresent()) {
                out.println("Elasticsearch already running at " + ElasticsearchNode.url(settings) + " (pid "
                        + running.get() + ", home " + settings.home() + ")");
                return 0;
            }
            if (ElasticsearchNode.ownProcess(settings.home()).isPresent() && ElasticsearchNode.stop(settings.home())) {
                out.println("Elasticsearch of " + settings.home() + " was not answering on port "
                        + settings.httpPort() + "; stopped it, starting it again");
            }
            ElasticsearchNode node = ElasticsearchNode.start(settings);
            out.println(node.url());
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (RuntimeException e) {
            err.println(e.getMessage());
            return 1;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i])) {
                throw new IllegalArgumentException("unknown option '" + args[i] + "', allowed: " + OPTIONS);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            options.put(args[i], args[i + 1]);
        }
        return options;
    }

    private static int port(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port 1-65535, was '" + value + "'");
        }
    }
}
