package dev.ufp.infra.bench;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code bench ingest}: a fresh database, the platform in its own JVM, then (1) the raw JDBC baseline, (2) the same
 * events through {@code POST /v1/events}, (3) open-loop single-event latency, (4) peak RSS and exact stored
 * counts. Prints the table; exits 1 if any result was not exactly right, 2 on bad options. Always stops the
 * platform and drops the database, also on failure or Ctrl-C.
 */
public final class IngestBenchmark {

    private static final String TENANT = "bench";

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchMain.run(args, BenchOptions::parse, IngestBenchmark::run);
    }

    private static boolean run(BenchOptions options) throws Exception {
        long warmupEvents = Math.min(50_000, options.events());
        log("generating %,d events (+%,d warm-up) for %d threads", options.events(), warmupEvents,
                options.clientThreads());
        Workload warmup = Workload.generate("warm-c", options.seed() + 1, warmupEvents, options.clientThreads());
        Workload workload = Workload.generate("c", options.seed(), options.events(), options.clientThreads());
        Report report = new Report(System.out);
        BenchDatabase database = new BenchDatabase(options.database());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        database.create();
        PlatformProcess platform = null;
        AtomicBoolean cleaned = new AtomicBoolean();
        Thread onInterrupt = null;
        CpuTimeline timeline = null;
        boolean succeeded = false;
        try {
            platform = PlatformProcess.start(options.jar(), database.name(), options.platformJvmOptions());
            PlatformProcess started = platform;
            onInterrupt = new Thread(() -> cleanUp(started, database, cleaned));
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            log("platform pid %d starting on %s (log %s)", platform.pid(), platform.uri("/"), platform.log());
            platform.awaitHealthy(http);
            EventsClient client = EventsClient.withNewKey(http, platform, TENANT);
            CpuMeter cpu = new CpuMeter(platform.pid());
            timeline = new CpuTimeline(cpu);
            database.createRawTable();
            RawJdbcBaseline raw = new RawJdbcBaseline(database, TENANT, client.keyId());
            HttpIngestDriver driver = new HttpIngestDriver(client, options.batchSize());

            log("warm-up: %,d events raw, %,d through HTTP (not measured)", warmupEvents, warmupEvents);
            raw.run(warmup, () -> { });
            driver.run(warmup);
            database.checkpoint();

            awaitQuiet(cpu);
            log("raw JDBC baseline: %,d events", workload.total());
            CpuMeter.Sample before = cpu.sample();
            CpuMeter.Sample[] after = new CpuMeter.Sample[1];
            Progress rawProgress = raw.run(workload, () -> after[0] = cpu.sample());
            Report.Phase rawPhase = new Report.Phase("raw JDBC batched insert", rawProgress, after[0].minus(before));
            database.checkpoint();

            awaitQuiet(cpu);
            log("platform: %,d events through POST /v1/events", workload.total());
            before = cpu.sample();
            Progress platformProgress = driver.run(workload);
            Report.Phase platformPhase = new Report.Phase("platform POST /v1/events batches", platformProgress,
                    cpu.sample().minus(before));

            log("latency: single-event POSTs at %d req/s for %d s", options.latencyRate(), options.latencySeconds());
            LatencyProbe.Result latency = new LatencyProbe(client, options.latencyRate(), options.latencySeconds())
                    .run(options.seed() + 2);
            long peakRss = CpuMeter.peakRssMiB(platform.pid());

            report.header(options, workload, Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20);
            report.throughput(rawPhase, platformPhase, timeline);
            report.latency(latency);
            report.memory(peakRss);
            long expectedAxon = warmupEvents + workload.total() + latency.requests();
            long expectedRaw = warmupEvents + workload.total();
            long storedAxon = database.count("domain_event_entry");
            long storedRaw = database.count(BenchDatabase.RAW_TABLE);
            report.rows("domain_event_entry", storedAxon, expectedAxon, database.averageRowBytes("domain_event_entry"));
            report.rows(BenchDatabase.RAW_TABLE, storedRaw, expectedRaw, database.averageRowBytes(BenchDatabase.RAW_TABLE));
            succeeded = storedAxon == expectedAxon && storedRaw == expectedRaw;
            report.verdict(succeeded);
            return succeeded;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            if (timeline != null) {
                timeline.close();
            }
            if (platform != null && !succeeded) {
                System.err.println("platform log kept at " + platform.log());
            }
            cleanUp(platform, database, cleaned);
            if (platform != null && succeeded) {
                platform.deleteHome();
            }
            if (onInterrupt != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(onInterrupt);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is already running (Ctrl-C); cleanUp runs once either way
                }
            }
        }
    }

    private static void awaitQuiet(CpuMeter cpu) throws InterruptedException {
        if (!cpu.awaitQuiet(120)) {
            log("WARNING: other processes kept using more than 0.25 core for 120 s; results are skewed "
                    + "(see the 'other processes' column)");
        }
    }

    private static void cleanUp(PlatformProcess platform, BenchDatabase database, AtomicBoolean cleaned) {
        if (!cleaned.compareAndSet(false, true)) {
            return;
        }
        try {
            if (platform != null) {
                platform.close();
            }
        } catch (Exception e) {
            System.err.println("could not stop the platform: " + e);
        }
        try {
            database.close();
        } catch (Exception e) {
            System.err.println("could not drop database " + database.name() + ": " + e);
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }
}
