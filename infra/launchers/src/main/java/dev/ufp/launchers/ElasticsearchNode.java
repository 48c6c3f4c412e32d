package dev.ufp.launchers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A single-node Elasticsearch (the integ-test distribution laid out by Maven) run as a child process, bound to
 * 127.0.0.1 only, security off. Everything the node writes lives under its home: {@code config/} (a copy of the
 * distribution's, since Elasticsearch writes its keystore there), {@code data/}, {@code logs/}, the pid file
 * {@code elasticsearch.pid} and the console log {@code elasticsearch.out}. Elasticsearch refuses to run as root:
 * when this JVM runs as root, the node runs as the system user {@value #SERVICE_USER}, created once if missing.
 * Stopped by PID, also from another JVM ({@link #stop(Path)}); {@link #main} is the command line.
 */
public final class ElasticsearchNode implements AutoCloseable {

    public static final String SERVICE_USER = "ufp-es";
    static final String HOST = "127.0.0.1";
    private static final String SERVICE = "Elasticsearch";

    private final Settings settings;
    private final ManagedProcess process;

    /**
     * @param home          the node's own directory (created when missing)
     * @param httpPort      REST port on 127.0.0.1
     * @param transportPort transport port on 127.0.0.1
     * @param heap          JVM heap, e.g. {@code 512m} (used for both -Xms and -Xmx)
     * @param startTimeout  how long to wait for yellow health
     */
    public record Settings(Path home, int httpPort, int transportPort, String heap, Duration startTimeout) {

        public Settings {
            home = home.toAbsolutePath();
            if (!heap.matches("\\d+[kmgKMG]")) {
                throw new IllegalArgumentException("heap must look like 512m or 1g, was '" + heap + "'");
            }
        }

        public static Settings of(Path home, int httpPort, int transportPort) {
            return new Settings(home, httpPort, transportPort, "512m", Duration.ofSeconds(180));
        }

        public Settings withHeap(String value) {
            return new Settings(home, httpPort, transportPort, value, startTimeout);
        }

        /** Free loopback ports picked now. */
        public static Settings onFreePorts(Path home) {
            return of(home, ManagedProcess.freePort(), ManagedProcess.freePort());
        }
    }

    private ElasticsearchNode(Settings settings, ManagedProcess process) {
        this.settings = settings;
        this.process = process;
    }

    /** Starts the node and returns once its cluster health is yellow or green. */
    public static ElasticsearchNode start(Settings settings) {
        return start(settings, ManagedProcess.layout("elasticsearch"));
    }

    static ElasticsearchNode start(Settings settings, Path layout) {
        ManagedProcess.requireFreePort(SERVICE, HOST, settings.httpPort());
        ManagedProcess.requireFreePort(SERVICE, HOST, settings.transportPort());
        Path distribution = distribution(layout);
        Path home = settings.home();
        prepareHome(distribution, home);
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            ServiceUser.ensure(SERVICE_USER);
            ServiceUser.chown(SERVICE_USER, home);
            ServiceUser.makeAncestorsTraversable(home);
        }
        List<String> command = new ArrayList<>();
        if (root) {
            command.addAll(List.of("runuser", "-u", SERVICE_USER, "--"));
        }
        command.add(distribution.resolve("bin/elasticsearch").toString());
        for (String setting : List.of("discovery.type=single-node", "xpack.security.enabled=false",
                "network.host=" + HOST, "http.port=" + settings.httpPort(),
                "transport.port=" + settings.transportPort(), "path.data=" + home.resolve("data"),
                "path.logs=" + home.resolve("logs"), "cluster.routing.allocation.disk.threshold_enabled=false")) {
            command.add("-E");
            command.add(setting);
        }
        Map<String, String> environment = Map.of(
                "ES_JAVA_HOME", System.getProperty("java.home"),
                "ES_PATH_CONF", home.resolve("config").toString(),
                "ES_JAVA_OPTS", "-Xms" + settings.heap() + " -Xmx" + settings.heap());
        ManagedProcess process = ManagedProcess.start(SERVICE, command, environment, home,
                home.resolve("elasticsearch.out"), pidFile(home));
        ElasticsearchNode node = new ElasticsearchNode(settings, process);
        process.awaitReady(node::healthy, settings.startTimeout());
        return node;
    }

    public String url() {
        return url(settings);
    }

    public Settings settings() {
        return settings;
    }

    public long pid() {
        return process.pid();
    }

    /** True when {@code GET /_cluster/health?wait_for_status=yellow} answers 200. */
    public boolean healthy() {
        return healthy(url());
    }

    public static boolean healthy(String url) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(url + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops this node (SIGTERM, then SIGKILL after 30 s). */
    public void stop() {
        stop(settings.home());
    }

    /** Stops the node whose home is {@code home}, from any JVM; true if one was running. */
    public static boolean stop(Path home) {
        return ManagedProcess.stop(pidFile(home.toAbsolutePath()), Duration.ofSeconds(30));
    }

    /**
     * The pid of the node started with this home, when it still runs and is the one answering on the settings'
     * HTTP port ({@code _nodes/_local/process} names the pid file's process or one of its descendants, e.g. the
     * JVM under {@code runuser}); waits up to {@code wait} for a node that is still starting. Empty when there is
     * none, or when it does not answer within {@code wait}.
     */
    public static Optional<Long> runningAt(Settings settings, Duration wait) {
        Optional<ProcessHandle> process = ownProcess(settings.home());
        if (process.isEmpty()) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            Optional<Long> answering = answeringPid(url(settings));
            if (answering.isPresent()) {
                long pid = answering.get();
                ProcessHandle owner = process.get();
                boolean ours = owner.pid() == pid || owner.descendants().anyMatch(p -> p.pid() == pid);
                return ours ? Optional.of(owner.pid()) : Optional.empty();
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        } while (System.nanoTime() < deadline && process.get().isAlive());
        return Optional.empty();
    }

    /**
     * The live process of this home's pid file, if its command line names the home (as {@code path.data} does), so
     * that a pid reused by another program after a reboot is never taken for the node, nor stopped.
     */
    public static Optional<ProcessHandle> ownProcess(Path home) {
        String path = home.toAbsolutePath().toString();
        return ManagedProcess.process(pidFile(home.toAbsolutePath()))
                .filter(p -> p.info().commandLine().map(line -> line.contains(path)).orElse(false));
    }

    static String url(Settings settings) {
        return "http://" + HOST + ":" + settings.httpPort();
    }

    /** The pid of the Elasticsearch process serving {@code url}, once its health is yellow or green. */
    private static Optional<Long> answeringPid(String url) {
        if (!healthy(url)) {
            return Optional.empty();
        }
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(url + "/_nodes/_local/process?filter_path=nodes.*.process.id"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher id = PROCESS_ID.matcher(response.body());
            return response.statusCode() == 200 && id.find() ? Optional.of(Long.parseLong(id.group(1)))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static final Pattern PROCESS_ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    public static boolean running(Path home) {
        return ManagedProcess.running(pidFile(home.toAbsolutePath()));
    }

    @Override
    public void close() {
        stop();
    }

    static Path pidFile(Path home) {
        return home.resolve("elasticsearch.pid");
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static Path distribution(Path layout) {
        try (Stream<Path> children = Files.list(layout)) {
            return children.filter(p -> Files.isExecutable(p.resolve("bin/elasticsearch"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Elasticsearch distribution (bin/elasticsearch) under "
                            + layout + ": build it with ./mvnw -pl infra/launchers generate-resources"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates data/ and logs/, and copies the distribution's config/ once (Elasticsearch writes a keystore there). */
    private static void prepareHome(Path distribution, Path home) {
        try {
            Files.createDirectories(home.resolve("data"));
            Files.createDirectories(home.resolve("logs"));
            Path config = home.resolve("config");
            if (!Files.isDirectory(config)) {
                Path source = distribution.resolve("config");
                try (Stream<Path> files = Files.walk(source)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        Path target = config.resolve(source.relativize(file).toString());
                        if (Files.isDirectory(file)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(file, target);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Elasticsearch home " + home, e);
        }
    }

    /**
     * {@code start --http-port 9200 --transport-port 9300 --home DIR [--heap 512m]} starts a node, prints its URL and
     * returns once it is ready, leaving it running; {@code stop --home DIR} stops it.
     */
    public static void main(String[] args) {
        System.exit(ElasticsearchCli.run(args, System.out, System.err));
    }
}
