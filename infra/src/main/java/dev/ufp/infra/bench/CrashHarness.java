package dev.ufp.infra.bench;

import dev.ufp.launchers.ElasticsearchNode;
import dev.ufp.launchers.KafkaBroker;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code bench crash}: a real Kafka broker and Elasticsearch node, the platform in its own JVM on H2 or PostgreSQL,
 * HTTP senders and a Kafka producer posting all the time, and {@code --kills} times a {@code kill -9} of the
 * platform's JVM after a random uptime, each followed by a restart on the same data (broker and node keep
 * running). Then every acknowledged event must be stored, published on {@code feedback.events.v1} and projected,
 * each exactly once ({@link DurabilityAudit}). Prints the figures; exit 1 on any loss or double, 2 on bad options.
 */
public final class CrashHarness {

    static final String TENANT = "crash";
    private static final Duration AUDIT_DEADLINE = Duration.ofMinutes(3);

    private CrashHarness() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.kafka"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        BenchMain.run(args, CrashOptions::parse, options -> run(options, System.out).exact());
    }

    /** What a run found: the audit, and the rejections of valid events (each one a sign of an earlier loss). */
    record Outcome(DurabilityAudit.Result audit, java.util.Map<String, Long> rejections) {
        boolean exact() {
            return audit.exact() && rejections.isEmpty();
        }
    }

    /** Runs the whole scenario and returns what it found; everything it started is stopped on return. */
    static Outcome run(CrashOptions options, PrintStream out) throws Exception {
        Path temp = Files.createTempDirectory("ufp-crash-");
        BenchDatabase database = options.store() == CrashOptions.Store.POSTGRES
                ? new BenchDatabase(options.database()) : null;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        PlatformProcess platform = null;
        boolean exact = false;
        log("starting Kafka and Elasticsearch under %s", temp);
        try (KafkaBroker broker = KafkaBroker.start(KafkaBroker.Config.onFreePorts(temp.resolve("kafka")));
             ElasticsearchNode node = ElasticsearchNode.start(
                     ElasticsearchNode.Settings.onFreePorts(temp.resolve("es")))) {
            if (database != null) {
                database.create();
            }
            Path home = Files.createDirectories(temp.resolve("platform"));
            List<String> appArgs = new ArrayList<>(List.of("--feedback.kafka.enabled=true",
                    "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                    "--feedback.elasticsearch.url=" + node.url()));
            appArgs.addAll(options.platformArguments());
            PlatformProcess.Launch launch = new PlatformProcess.Launch(options.jar(), home,
                    database == null ? null : database.name(), PlatformProcess.newAdminKey(),
                    dev.ufp.launchers.ManagedProcess.freePort(), List.of("-Xmx1g"), appArgs);
            platform = PlatformProcess.start(launch);
            log("platform pid %d on %s, store %s (log %s)", platform.pid(), platform.uri("/"), options.store(),
                    platform.log());
            platform.awaitHealthy(http);
            EventsClient client = EventsClient.withNewKey(http, platform, TENANT);
            AckLedger ledger = new AckLedger();
            SplittableRandom random = new SplittableRandom(options.seed());
            long loadStarted = System.nanoTime();
            List<Long> restartMillis = new ArrayList<>();
            try (HttpLoad httpLoad = new HttpLoad(client, ledger, options.httpThreads(), options.batchSize(), "h-",
                    options.seed());
                 KafkaLoad kafkaLoad = new KafkaLoad(broker.bootstrapServers(), client.key(), ledger,
                         options.kafkaRate(), "k-", options.seed())) {
                httpLoad.start();
                kafkaLoad.start();
                for (int kill = 1; kill <= options.kills(); kill++) {
                    Thread.sleep(1000L * random.nextInt(options.minUpSeconds(), options.maxUpSeconds() + 1));
                    long acknowledged = ledger.total();
                    platform.kill();
                    log("kill -9 #%d of pid %d with %,d events acknowledged so far", kill, platform.pid(),
                            acknowledged);
                    long restart = System.nanoTime();
                    platform = platform.restart();
                    platform.awaitHealthy(http);
                    restartMillis.add((System.nanoTime() - restart) / 1_000_000);
                }
                Thread.sleep(1000L * options.minUpSeconds());
                kafkaLoad.stop();
                httpLoad.stop();
                double seconds = (System.nanoTime() - loadStarted) / 1e9;
                log("load stopped after %.0f s: %,d acknowledged over HTTP (%,d batches sent again), %,d over Kafka "
                                + "(%,d sends failed)", seconds, ledger.acknowledged(AckLedger.Channel.HTTP),
                        httpLoad.resent(), ledger.acknowledged(AckLedger.Channel.KAFKA), kafkaLoad.failedSends());
                log("auditing store, topic and projections (each up to %d s)", AUDIT_DEADLINE.toSeconds());
                DurabilityAudit.Result result = new DurabilityAudit(ledger, client, broker.bootstrapServers(),
                        new ProjectionElastic(http, node.url()), TENANT, AUDIT_DEADLINE).run();
                out.printf("%n== crash: %d x kill -9, store %s, %d HTTP threads x %d-event batches, Kafka %d events/s"
                                + " ==%n", options.kills(), options.store().name().toLowerCase(), options.httpThreads(),
                        options.batchSize(), options.kafkaRate());
                out.printf("acknowledged over HTTP    %,d   over Kafka %,d   load %.0f s (%.0f events/s)%n",
                        ledger.acknowledged(AckLedger.Channel.HTTP), ledger.acknowledged(AckLedger.Channel.KAFKA),
                        seconds, ledger.total() / seconds);
                out.printf("restart to ready          %s ms%n", restartMillis);
                out.printf("rejected (valid events)   %s%n", httpLoad.rejections().isEmpty() ? "0"
                        : httpLoad.rejections());
                result.print(out);
                Outcome outcome = new Outcome(result, httpLoad.rejections());
                exact = outcome.exact();
                out.println(exact ? "RESULT: exact (0 lost, 0 doubled)" : "RESULT: INCORRECT");
                return outcome;
            }
        } finally {
            if (platform != null) {
                platform.close();
                if (!exact) {
                    System.err.println("platform log kept at " + platform.log());
                }
            }
            if (database != null) {
                database.close();
            }
            if (exact) {
                deleteTree(temp);
            }
        }
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void log(String format, Object... args) {
        IngestBenchmark.log(format, args);
    }
}
