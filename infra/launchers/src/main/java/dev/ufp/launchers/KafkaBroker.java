package dev.ufp.launchers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real single-node KRaft Kafka broker (combined broker + controller), run from the jars Maven copies to
 * {@code infra/launchers/target/kafka/lib}: loopback only, replication factor 1, data under {@code home}.
 * The storage is formatted on first start; later starts reuse it, so topics and offsets survive restarts.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final String READY_LINE = "Kafka Server started";

    private final Config config;
    private final ManagedProcess process;

    /**
     * @param port           client (PLAINTEXT) port
     * @param controllerPort KRaft controller port
     * @param home           data, config, log and pid directory
     * @param heap           JVM heap, e.g. {@code 512m}
     */
    public record Config(int port, int controllerPort, Path home, String heap) {

        public static Config onFreePorts(Path home) {
            return new Config(ManagedProcess.freePort(), ManagedProcess.freePort(), home, "512m");
        }

        Path pidFile() {
            return home.resolve("kafka.pid");
        }

        Path log() {
            return home.resolve("logs/kafka.out");
        }
    }

    private KafkaBroker(Config config, ManagedProcess process) {
        this.config = config;
        this.process = process;
    }

    /** Starts the broker and returns once it accepts clients. */
    public static KafkaBroker start(Config config) {
        ManagedProcess.requireFreePort("Kafka", HOST, config.port());
        ManagedProcess.requireFreePort("Kafka controller", HOST, config.controllerPort());
        Path lib = ManagedProcess.layout("kafka").resolve("lib");
        try {
            Files.createDirectories(config.home().resolve("logs"));
            Path properties = writeServerProperties(config);
            Path log4j = writeLog4j(config);
            if (!Files.exists(config.home().resolve("data/meta.properties"))) {
                format(config, lib, properties);
            }
            long logStart = Files.exists(config.log()) ? Files.size(config.log()) : 0;
            ManagedProcess process = ManagedProcess.start("Kafka", List.of(java(), "-Xms" + config.heap(),
                            "-Xmx" + config.heap(), "-Dlog4j.configuration=" + log4j.toUri(),
                            "-cp", lib + "/*", "kafka.Kafka", properties.toString()),
                    Map.of(), config.home(), config.log(), config.pidFile());
            process.awaitReady(() -> startedSince(config.log(), logStart)
                    && ManagedProcess.listening(HOST, config.port()), Duration.ofSeconds(90));
            return new KafkaBroker(config, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka in " + config.home(), e);
        }
    }

    public String bootstrapServers() {
        return HOST + ":" + config.port();
    }

    public Config config() {
        return config;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the broker (SIGTERM: a controlled shutdown), waiting up to 30 s. */
    public void stop() {
        ManagedProcess.stop(config.pidFile(), Duration.ofSeconds(30));
    }

    /** Stops a broker started by another JVM with this home. */
    public static boolean stop(Path home) {
        return ManagedProcess.stop(home.resolve("kafka.pid"), Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        stop();
    }

    private static boolean startedSince(Path log, long offset) {
        try {
            if (!Files.exists(log) || Files.size(log) <= offset) {
                return false;
            }
            try (var channel = Files.newByteChannel(log)) {
                channel.position(offset);
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(8 << 20, channel.size() - offset));
                channel.read(buffer);
                return new String(buffer.array(), 0, buffer.position()).contains(READY_LINE);
            }
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A random KRaft cluster id: 16 random bytes, URL-safe Base64. One in 64 of those starts with '-', which
     * {@code kafka-storage format -t} reads as an option ("argument --cluster-id/-t: expected one argument"), so
     * such ids are drawn again (as Kafka's own {@code Uuid.randomUuid} does).
     */
    static String clusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private static void format(Config config, Path lib, Path properties) throws IOException {
        Process format = new ProcessBuilder(java(), "-cp", lib + "/*", "kafka.tools.StorageTool", "format",
                "-t", clusterId(), "-c", properties.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(config.log().toFile()))
                .start();
        try {
            if (format.waitFor() != 0) {
                throw new IllegalStateException("formatting Kafka storage failed; see " + config.log() + ":\n"
                        + ManagedProcess.tail(config.log(), 20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private static Path writeServerProperties(Config config) throws IOException {
        Path file = config.home().resolve("server.properties");
        Files.writeString(file, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + HOST + ":" + config.controllerPort(),
                "listeners=PLAINTEXT://" + HOST + ":" + config.port() + ",CONTROLLER://" + HOST + ":"
                        + config.controllerPort(),
                "advertised.listeners=PLAINTEXT://" + HOST + ":" + config.port(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + config.home().resolve("data"),
                "num.partitions=6",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=false",
                "log.retention.hours=168",
                ""));
        return file;
    }

    private static Path writeLog4j(Config config) throws IOException {
        Path file = config.home().resolve("log4j.properties");
        Files.writeString(file, String.join("\n",
                "log4j.rootLogger=INFO, stdout",
                "log4j.appender.stdout=org.apache.log4j.ConsoleAppender",
                "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout",
                "log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n",
                "log4j.logger.kafka=INFO",
                "log4j.logger.org.apache.kafka=WARN",
                "log4j.logger.kafka.server.KafkaRaftServer=INFO",
                ""));
        return file;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code start --port 9092 --controller-port 9093 --home DIR [--heap 512m]} or {@code stop --home DIR}. */
    public static void main(String[] args) {
        LauncherArgs parsed = LauncherArgs.parse(args);
        Path home = parsed.path("home");
        if (parsed.command().equals("stop")) {
            System.out.println(stop(home) ? "Kafka stopped." : "Kafka was not running.");
            return;
        }
        if (ManagedProcess.running(home.resolve("kafka.pid"))) {
            System.out.println("Kafka already running (home " + home + ")");
            return;
        }
        KafkaBroker broker = start(new Config(parsed.integer("port", 9092), parsed.integer("controller-port", 9093),
                home, parsed.text("heap", "512m")));
        System.out.println("Kafka broker up at " + broker.bootstrapServers() + " (pid " + broker.pid() + ", log "
                + broker.config().log() + ")");
    }
}
