package dev.ufp.infra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.launchers.ElasticsearchNode;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench projections}: a fresh PostgreSQL database, a real Elasticsearch node and the platform in their own
 * JVMs, then in one run (1) N events through {@code POST /v1/events} until the projection has caught up (lag
 * gauge 0 and every response document present), (2) the documents it produced bulk-indexed raw into fresh indices
 * of the same mappings (the baseline), (3) lag at a steady offered rate, (4) a full rebuild, (5) peak RSS of the
 * platform and of Elasticsearch. Prints the table; exits 1 if any count was wrong, 2 on bad options. Always stops
 * the platform and the node, drops the database and deletes its own temporary directory, also on Ctrl-C.
 */
public final class ProjectionBenchmark {

    private static final String TENANT = "bench";
    static final String LIVE_PROCESSOR = "feedback-projections";
    static final String REVISION_PROCESSOR = "feedback-follow-up-revisions";
    private static final String RESPONSES = "feedback-responses";
    private static final String SIGNALS = "feedback-signals";
    private static final String CONVERSATIONS = "feedback-conversations";
    private static final List<String> ALIASES = List.of(RESPONSES, SIGNALS, CONVERSATIONS);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GAUGE = Pattern.compile("\"value\"\\s*:\\s*\"?([-+0-9.eE]+|NaN)");

    private ProjectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchMain.run(args, ProjectionBenchOptions::parse, options -> new ProjectionBenchmark().run(options));
    }

    private PlatformProcess platform;
    private final Checks checks = new Checks();

    private boolean run(ProjectionBenchOptions options) throws Exception {
        log("generating %,d events (seed %d, %d client threads)", options.events(), options.seed(),
                options.clientThreads());
        Workload workload = Workload.generate("c", options.seed(), options.events(), options.clientThreads());
        long[] expected = expectedDocs(workload);
        long lagEvents = (long) options.lagRate() * options.lagSeconds();
        Workload lagWorkload = lagEvents > 0
                ? Workload.generate("l", options.seed() + 1, lagEvents, options.lagSenders()) : null;
        long[] lagExpected = lagWorkload == null ? new long[2] : expectedDocs(lagWorkload);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        ElasticBenchStack stack = ElasticBenchStack.start("ufp-bench-proj-", options.database(), options.esHeap(),
                options.jar(), options.platformJvmOptions(), options.platformArguments(), http);
        platform = stack.platform();
        ElasticsearchNode node = stack.node();
        BenchDatabase database = stack.database();
        boolean succeeded = false;
        try {
            awaitSegment(http);
            EventsClient client = EventsClient.withNewKey(http, platform, TENANT);
            ProjectionElastic elastic = new ProjectionElastic(http, node.url());
            ProjectionCpu cpu = new ProjectionCpu(platform.pid(), node.pid());

            // 1. projection throughput
            log("phase 1: %,d events through POST /v1/events, until the projection has caught up "
                    + "(%,d responses, %,d conversations expected)", workload.total(), expected[0], expected[1]);
            ProjectionCpu.Sample before = cpu.sample();
            long t0 = System.nanoTime();
            ExecutorService ingestThread = Executors.newSingleThreadExecutor();
            Future<Progress> ingest = ingestThread.submit(
                    () -> new HttpIngestDriver(client, options.batchSize()).run(workload));
            ingestThread.shutdown();
            double[] maxLag = new double[1];
            long caughtUp = awaitCaughtUp(http, elastic, ingest, expected[0], maxLag,
                    Duration.ofSeconds(600 + options.events() / 100));
            ProjectionCpu.Sample phase1Cpu = cpu.sample().minus(before);
            Progress ingested = ingest.get();
            double projectionSeconds = (caughtUp - t0) / 1e9;
            long[] firstStage = counts(elastic);
            log("caught up after %.1f s (ingest took %.1f s); %,d + %,d + %,d documents", projectionSeconds,
                    ingested.seconds(), firstStage[0], firstStage[1], firstStage[2]);
            // the documents compared from here on are the final ones: with two-stage follow-ups, after the revisions
            double revisionSeconds = awaitRevisions(http, t0, Duration.ofSeconds(600 + options.events() / 100));
            if (!Double.isNaN(revisionSeconds)) {
                log("follow-up revisions (second stage) caught up after %.1f s", revisionSeconds);
            }
            long[] docs = counts(elastic);
            long totalDocs = docs[0] + docs[1] + docs[2];
            checks.check(docs[0] == expected[0], "responses after phase 1: %,d, expected %,d", docs[0], expected[0]);
            checks.check(docs[2] == expected[1], "conversations after phase 1: %,d, expected %,d", docs[2], expected[1]);

            // 2. raw bulk baseline of the same documents
            log("phase 2: reading the %,d documents back and bulk-indexing them raw (batches of %,d)", totalDocs,
                    options.rawBatch());
            List<byte[]> bodies = new ArrayList<>();
            List<String> rawIndices = new ArrayList<>();
            long rawBytes = 0;
            for (String alias : ALIASES) {
                String raw = alias + "-v1-rawbench";
                rawIndices.add(raw);
                List<ProjectionElastic.Doc> read = elastic.readAll(alias);
                for (byte[] body : ProjectionElastic.bulkBodies(raw, read, options.rawBatch())) {
                    bodies.add(body);
                    rawBytes += body.length;
                }
            }
            for (String raw : rawIndices) {
                elastic.call("PUT", "/" + raw, "{\"settings\":{\"index\":{\"refresh_interval\":\"-1\"}}}");
            }
            before = cpu.sample();
            long r0 = System.nanoTime();
            long rawItems = 0;
            for (byte[] body : bodies) {
                rawItems += elastic.bulk(body);
            }
            for (String raw : rawIndices) {
                elastic.call("PUT", "/" + raw + "/_settings", "{\"index\":{\"refresh_interval\":null}}");
            }
            elastic.call("POST", "/" + String.join(",", rawIndices) + "/_refresh", null);
            double rawSeconds = (System.nanoTime() - r0) / 1e9;
            ProjectionCpu.Sample rawCpu = cpu.sample().minus(before);
            long rawStored = 0;
            for (String raw : rawIndices) {
                rawStored += elastic.count(raw);
            }
            checks.check(rawItems == totalDocs && rawStored == totalDocs, "raw bulk: %,d items sent, %,d stored, "
                    + "expected %,d", rawItems, rawStored, totalDocs);
            elastic.call("DELETE", "/" + String.join(",", rawIndices), null);
            log("raw bulk: %,d documents (%,d MiB of NDJSON) in %.1f s", rawItems, rawBytes >> 20, rawSeconds);

            // 3. lag at a steady rate
            ProjectionLagProbe.Result lag = null;
            ProjectionCpu.Sample lagCpu = null;
            if (lagWorkload != null) {
                log("phase 3: %,d events/s for %d s, one batch every 100 ms from each of %d sender(s)",
                        options.lagRate(), options.lagSeconds(), options.lagSenders());
                before = cpu.sample();
                lag = new ProjectionLagProbe(client, elastic, http, platform, TENANT, RESPONSES)
                        .run(lagWorkload, options.lagRate());
                lagCpu = cpu.sample().minus(before);
                checks.check(lag.missing() == 0, "%d sampled responses never became visible", lag.missing());
                awaitCaughtUp(http, elastic, null, expected[0] + lagExpected[0], new double[1], Duration.ofMinutes(10));
                awaitRevisions(http, System.nanoTime(), Duration.ofMinutes(10));
            }

            // 4. full rebuild
            long[] beforeRebuild = counts(elastic);
            checks.check(beforeRebuild[0] == expected[0] + lagExpected[0], "responses before the rebuild: %,d, expected %,d",
                    beforeRebuild[0], expected[0] + lagExpected[0]);
            checks.check(beforeRebuild[2] == expected[1] + lagExpected[1], "conversations before the rebuild: %,d, "
                    + "expected %,d", beforeRebuild[2], expected[1] + lagExpected[1]);
            String indexBefore = elastic.concrete(RESPONSES);
            long abandonedLive = elastic.count(SIGNALS, "kind", "abandonment");
            log("phase 4: full rebuild (%,d + %,d + %,d documents now)", beforeRebuild[0], beforeRebuild[1],
                    beforeRebuild[2]);
            before = cpu.sample();
            long b0 = System.nanoTime();
            JsonNode status = admin(http, "POST");
            while (status.path("state").asText().matches("starting|replaying|following|handing-over")) {
                Thread.sleep(250);
                status = admin(http, "GET");
            }
            double rebuildSeconds = (System.nanoTime() - b0) / 1e9;
            ProjectionCpu.Sample rebuildCpu = cpu.sample().minus(before);
            long rebuildEvents = status.path("events").asLong();
            checks.check("done".equals(status.path("state").asText()), "rebuild ended %s", status);
            long[] afterRebuild = counts(elastic);
            String indexAfter = elastic.concrete(RESPONSES);
            checks.check(!indexAfter.equals(indexBefore), "alias %s still points to %s after the rebuild", RESPONSES,
                    indexBefore);
            // the rebuild runs the abandonment sweep once on the new generation (event time: every response without
            // an interaction whose deadline lies a grace before its tenant's newest event is abandoned); the live run
            // has the sweep switched off
            long abandonedBefore = abandonedLive;
            long abandonedAfter = elastic.count(SIGNALS, "kind", "abandonment");
            afterRebuild[1] -= abandonedAfter;
            beforeRebuild[1] -= abandonedBefore;
            for (int i = 0; i < 3; i++) {
                checks.check(afterRebuild[i] == beforeRebuild[i], "%s after the rebuild: %,d, before %,d", ALIASES.get(i),
                        afterRebuild[i], beforeRebuild[i]);
            }
            log("rebuild: %s", status);

            // 5. memory
            long platformRss = CpuMeter.peakRssMiB(platform.pid());
            long elasticRss = ProjectionCpu.peakRssOfTreeMiB(node.pid());

            long storedEvents = database.count("domain_event_entry");
            checks.check(storedEvents == workload.total() + lagEvents, "stored events %,d, expected %,d", storedEvents,
                    workload.total() + lagEvents);

            // the table
            var out = System.out;
            out.printf("%n== Projections into Elasticsearch: %,d events (seed %d), %d cores, ES heap %s ==%n",
                    workload.total(), options.seed(), Runtime.getRuntime().availableProcessors(), options.esHeap());
            out.printf("platform JVM options: %s; extra platform arguments: %s%n",
                    options.platformJvmOptions().isEmpty() ? "(JVM defaults)" : options.platformJvmOptions(),
                    options.platformArguments().isEmpty() ? "(none)" : options.platformArguments());
            out.printf("documents = all three indices: %,d responses + %,d signals + %,d conversations = %,d "
                    + "(%.3f documents per event)%n", docs[0], docs[1], docs[2], totalDocs,
                    totalDocs / (double) workload.total());
            out.printf("%n%-52s %9s %12s %12s   %s%n", "throughput", "seconds", "events/s", "docs/s",
                    "CPU in cores during the phase");
            out.printf("%-52s %9.1f %,12.0f %12s   %s%n", "ingest: POST /v1/events (" + options.clientThreads()
                    + " threads x " + options.batchSize() + ")", ingested.seconds(), ingested.rate(), "-",
                    "(in phase 1)");
            double projectionDocs = totalDocs / projectionSeconds;
            out.printf("%-52s %9.1f %,12.0f %,12.0f   %s%n", "projection: first POST -> caught up",
                    projectionSeconds, workload.total() / projectionSeconds, projectionDocs, phase1Cpu.cores());
            double rawDocs = totalDocs / rawSeconds;
            out.printf("%-52s %9.1f %12s %,12.0f   %s%n", "raw _bulk of the same documents (" + options.rawBatch()
                    + "/request, 1 thread, refresh off)", rawSeconds, "-", rawDocs, rawCpu.cores());
            double ratio = projectionDocs / rawDocs;
            out.printf("%-52s %9s %12s %12.3f   target >= 0.5: %s%n", "ratio projection / raw (docs/s)", "", "", ratio,
                    ratio >= 0.5 ? "MET" : "MISSED");
            out.printf("max lag gauge during phase 1: %,.0f events%n", maxLag[0]);
            if (!Double.isNaN(revisionSeconds)) {
                out.printf("second follow-up stage (MiniLM revisions): caught up %.1f s after the first POST%n",
                        revisionSeconds);
            }
            if (lag != null) {
                out.printf("%nlag at %,d events/s offered by %d sender(s) (achieved %,.0f events/s, %,d events, "
                                + "worst send %d ms behind schedule), CPU %s%n", options.lagRate(),
                        options.lagSenders(), lag.offeredRate(), lag.sent(),
                        lag.maxBehindMillis(), lagCpu.cores());
                out.printf("  visibility POST 200 -> response document GET-able (%,d samples): p50 %,d ms, p95 %,d ms, "
                                + "p99 %,d ms, max %,d ms   target p95 <= 2000 ms: %s%n",
                        lag.visibilityMillis().size(), lag.visibility(0.5), lag.visibility(0.95),
                        lag.visibility(0.99), lag.visibility(1.0), lag.visibility(0.95) <= 2000 ? "MET" : "MISSED");
                out.printf("  lag gauge (%,d samples every 100 ms): p50 %,.0f, p95 %,.0f, p99 %,.0f, "
                                + "max %,.0f events%n",
                        lag.gaugeEvents().size(), lag.gauge(0.5), lag.gauge(0.95), lag.gauge(0.99), lag.gauge(1.0));
            }
            double rebuildRate = rebuildEvents / rebuildSeconds;
            out.printf("%nfull rebuild: %,d events in %.1f s = %,.0f events/s (platform reports %,.0f), CPU %s%n",
                    rebuildEvents, rebuildSeconds, rebuildRate, status.path("eventsPerSecond").asDouble(),
                    rebuildCpu.cores());
            long rebuiltDocs = afterRebuild[0] + afterRebuild[1] + abandonedAfter + afterRebuild[2];
            out.printf("  rebuild: %,d documents after the swap = %,.0f docs/s = %.3f x the raw _bulk "
                    + "(projection without ingest competing; follow-ups classified by the configured classifier)%n",
                    rebuiltDocs, rebuiltDocs / rebuildSeconds, rebuiltDocs / rebuildSeconds / rawDocs);
            if (rebuildEvents < 1_000_000) {
                out.printf("  1M events at that rate (EXTRAPOLATION, not measured): %.0f s = %.1f min%n",
                        1_000_000 / rebuildRate, 1_000_000 / rebuildRate / 60);
            }
            out.printf("  documents before / after the swap: %,d / %,d responses, %,d / %,d signals other than "
                            + "abandonment, %,d / %,d conversations; alias moved %s -> %s%n", beforeRebuild[0],
                    afterRebuild[0], beforeRebuild[1], afterRebuild[1], beforeRebuild[2], afterRebuild[2],
                    indexBefore, indexAfter);
            out.printf("  abandonment signals: %,d live (sweep switched off for the run), %,d after the rebuild "
                    + "(it sweeps the new generation once)%n", abandonedBefore, abandonedAfter);
            out.printf("%npeak RSS (VmHWM): platform %,d MiB, Elasticsearch %,d MiB%n", platformRss, elasticRss);
            out.printf("stored events %,d (expected %,d)%n", storedEvents, workload.total() + lagEvents);
            succeeded = checks.passed();
            out.printf("%ncorrectness: %s%n", succeeded ? "OK (counts exact: responses, conversations, raw copy, "
                    + "rebuild, stored events; every sampled response visible)" : "FAILED: " + checks.problems());
            return succeeded;
        } finally {
            if (!succeeded) {
                stack.keepLogs();
            }
            stack.close();
        }
    }

    /** {responses, conversations} the workload must produce. */
    private static long[] expectedDocs(Workload workload) {
        long responses = 0;
        Set<String> conversations = new HashSet<>();
        for (int t = 0; t < workload.threads(); t++) {
            for (BenchEvent event : workload.stream(t)) {
                if (event.type().equals("ResponseGenerated")) {
                    responses++;
                }
                conversations.add(event.conversationId());
            }
        }
        return new long[] {responses, conversations.size()};
    }

    private long[] counts(ProjectionElastic elastic) throws IOException, InterruptedException {
        return new long[] {elastic.count(RESPONSES), elastic.count(SIGNALS), elastic.count(CONVERSATIONS)};
    }

    /**
     * Polls every 100 ms until ingest (if any) has finished, the lag gauge reads 0 and the responses alias holds
     * {@code responses} documents; returns the time of that gauge reading.
     */
    private long awaitCaughtUp(HttpClient http, ProjectionElastic elastic, Future<Progress> ingest, long responses,
                               double[] maxLag, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastLog = System.nanoTime();
        while (System.nanoTime() < deadline) {
            double lag = lagGauge(http, platform);
            long now = System.nanoTime();
            if (!Double.isNaN(lag)) {
                maxLag[0] = Math.max(maxLag[0], lag);
            }
            boolean ingested = ingest == null || ingest.isDone();
            if (ingest != null && ingest.isDone()) {
                ingest.get(); // rethrows an ingest failure
            }
            if (ingested && lag == 0) {
                long count = elastic.count(RESPONSES);
                if (count == responses) {
                    return now;
                }
            }
            if (now - lastLog > 10_000_000_000L) {
                log("  lag %,.0f events%s", lag, ingested ? "" : " (ingest running)");
                lastLog = now;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("projection not caught up after " + timeout);
    }

    /**
     * Seconds from {@code t0} until the second follow-up stage ({@value #REVISION_PROCESSOR}) has no lag left; NaN
     * when it does not run (lexical classifier, or two stages switched off).
     */
    private double awaitRevisions(HttpClient http, long t0, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastLog = System.nanoTime();
        while (System.nanoTime() < deadline) {
            double lag;
            try {
                lag = lagGauge(http, platform, REVISION_PROCESSOR);
            } catch (IllegalStateException absent) {
                return Double.NaN;
            }
            long now = System.nanoTime();
            if (Double.isNaN(lag) && now - t0 > 60_000_000_000L) {
                return Double.NaN;
            }
            if (lag == 0) {
                return (now - t0) / 1e9;
            }
            if (now - lastLog > 10_000_000_000L) {
                log("  follow-up revisions lag %,.0f events", lag);
                lastLog = now;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("follow-up revisions not caught up after " + timeout);
    }

    /** Waits until this node has claimed a segment of the projection processor (the gauge is NaN before). */
    private void awaitSegment(HttpClient http) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!Double.isNaN(lagGauge(http, platform))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the feedback-projections processor claimed no segment within 60 s");
    }

    /**
     * {@code feedback.projection.lag.events} of the live projection {@code feedback-projections} from the platform's
     * actuator; NaN when no segment is claimed.
     */
    static double lagGauge(HttpClient http, PlatformProcess platform) throws IOException, InterruptedException {
        return lagGauge(http, platform, LIVE_PROCESSOR);
    }

    /** The lag gauge of one processor; NaN when this node claimed none of its segments (or it does not run). */
    static double lagGauge(HttpClient http, PlatformProcess platform, String processor)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        platform.uri("/actuator/metrics/feedback.projection.lag.events?tag=processor:" + processor))
                .header("Authorization", "Bearer " + platform.adminKey())
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher value = GAUGE.matcher(answer.body());
        if (answer.statusCode() != 200 || !value.find()) {
            throw new IllegalStateException("lag gauge answered " + answer.statusCode() + ": " + answer.body());
        }
        return Double.parseDouble(value.group(1));
    }

    private JsonNode admin(HttpClient http, String method) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(platform.uri("/v1/admin/projections/rebuild"))
                .header("Authorization", "Bearer " + platform.adminKey()).timeout(Duration.ofSeconds(30));
        request.method(method, HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " rebuild answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    static void log(String format, Object... args) {
        IngestBenchmark.log(format, args);
    }
}
