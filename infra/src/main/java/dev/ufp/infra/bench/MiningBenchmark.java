package dev.ufp.infra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.ufp.infra.client.PlatformClient;
import dev.ufp.infra.simulator.SimulatedConversation;
import dev.ufp.infra.simulator.Simulation;
import dev.ufp.infra.simulator.SimulatorOptions;
import dev.ufp.ingestion.contract.FeedbackEvent;
import dev.ufp.ingestion.contract.ResponseGenerated;
import dev.ufp.launchers.ElasticsearchNode;
import dev.ufp.projections.followup.LexicalFollowUpClassifier;
import dev.ufp.projections.projector.InMemoryDocuments;
import dev.ufp.projections.projector.Projector;
import dev.ufp.projections.signals.SignalProperties;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench mining}: mining over a large projected history. (1) Simulated conversations (seeded) until about N
 * events, projected in this JVM by the real {@link Projector} (lexical follow-up classifier, default signal
 * properties) into {@link InMemoryDocuments}; the abandonment sweep does not run. (2) A real Elasticsearch node and
 * the platform (PostgreSQL database of its own), the documents bulk-indexed into the platform's response and
 * conversation aliases (the load, not measured). (3) One mining job through {@code POST /v1/mining/jobs}: wall time
 * of each phase (from the platform log's phase lines), total, RSS of the platform sampled every 500 ms, peak RSS of
 * the platform and of Elasticsearch, pairs and labels. (4) The baseline: a raw point-in-time scan of the same
 * responses with the same page size and the same conversation {@code _mget} per page, the floor of the scan phase.
 * Exits 1 if the job failed or a count was wrong, 2 on bad options; always stops the platform and the node, drops
 * the database and deletes its temporary directory, also on Ctrl-C.
 */
public final class MiningBenchmark {

    private static final String TENANT = "bench";
    private static final String RESPONSES = "feedback-responses";
    private static final String CONVERSATIONS = "feedback-conversations";
    /** {@code ResponseSource.PAGE}: the baseline scans with the page size mining uses. */
    private static final int SCAN_PAGE = 1000;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final ObjectMapper EVENTS = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final Pattern PHASE_LINE = Pattern.compile("Mining job (\\S+) \\(.*\\): (.+) \\((\\d+) \\w+\\)$");
    private static final Pattern CANDIDATES_LINE = Pattern.compile("Mining \\S+ for tenant \\S+: (\\d+) candidate");
    private static final Pattern KEPT_LINE = Pattern.compile("Mining \\S+ for tenant \\S+: (.+) kept (\\d+) of (\\d+) "
            + "pairs");
    private static final Pattern DATASET_LINE = Pattern.compile("Dataset \\S+ v\\d+ \\((\\S+)\\) for tenant \\S+: "
            + "(\\d+) pairs, (\\d+) labels");

    private MiningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchMain.run(args, MiningBenchOptions::parse, options -> new MiningBenchmark().run(options));
    }

    /** What the in-process projection produced. */
    private record Projected(InMemoryDocuments documents, long events, long deliveries, int conversations,
                             long responses, double seconds) {
    }

    /** One phase of the job as the platform logged it: its start and how many items it announced. */
    private record Phase(String name, Instant start, long items) {
    }

    private PlatformProcess platform;
    private ElasticsearchNode node;
    private final Checks checks = new Checks();

    private boolean run(MiningBenchOptions options) throws Exception {
        Projected projected = project(options);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        ElasticBenchStack stack = ElasticBenchStack.start("ufp-bench-mining-", options.database(), options.esHeap(),
                options.jar(), options.platformJvmOptions(), options.platformArguments(), http);
        platform = stack.platform();
        node = stack.node();
        boolean succeeded = false;
        try {
            PlatformClient client = new PlatformClient(platform.uri("").toString());
            String key = client.issueKey(platform.adminKey(), TENANT, List.of("trainer"));
            ProjectionElastic elastic = new ProjectionElastic(http, node.url());

            // load (not measured)
            long l0 = System.nanoTime();
            long loaded = load(elastic, RESPONSES, projected.documents().responseSources(), options.bulkBatch())
                    + load(elastic, CONVERSATIONS, projected.documents().conversationSources(), options.bulkBatch());
            long responses = elastic.count(RESPONSES);
            long conversations = elastic.count(CONVERSATIONS);
            double loadSeconds = (System.nanoTime() - l0) / 1e9;
            checks.check(responses == projected.responses(), "responses indexed: %,d, projected %,d", responses,
                    projected.responses());
            checks.check(conversations == projected.conversations(), "conversations indexed: %,d, projected %,d",
                    conversations, projected.conversations());
            log("load: %,d documents in %.1f s (%,d responses, %,d conversations)", loaded, loadSeconds, responses,
                    conversations);
            long platformRssBefore = CpuMeter.rssMiB(platform.pid());
            long platformHwmBefore = CpuMeter.peakRssMiB(platform.pid());

            // the baseline, first run: also warms Elasticsearch's caches for the job's scan
            long[] rawScan = new long[2];
            double rawBefore = rawScan(elastic, rawScan, 0);

            // the measurement
            String loadBefore = loadAverage();
            log("mining job over %,d responses (load average %s)", responses, loadBefore);
            long[] maxRss = new long[2];
            JsonNode job = mine(client, key, Duration.ofMinutes(options.timeoutMinutes()), maxRss);
            long platformHwm = CpuMeter.peakRssMiB(platform.pid());
            long elasticHwm = ProjectionCpu.peakRssOfTreeMiB(node.pid());
            checks.check(job.path("state").asText().equals("succeeded"), "mining job ended %s", job);
            Instant created = Instant.parse(job.path("createdAt").asText());
            Instant finished = job.hasNonNull("finishedAt") ? Instant.parse(job.path("finishedAt").asText())
                    : Instant.now();
            List<String> logLines = Files.readAllLines(platform.log(), StandardCharsets.UTF_8);
            List<Phase> phases = phases(logLines, job.path("id").asText());
            long candidates = firstNumber(logLines, CANDIDATES_LINE, 1);
            Matcher dataset = lastMatch(logLines, DATASET_LINE);
            checks.check(dataset != null, "no dataset line in the platform log");
            checks.check(candidates > 0, "no candidates in the platform log");

            String loadAfter = loadAverage();
            double rawAfter = rawScan(elastic, rawScan, 1);
            for (long scanned : rawScan) {
                checks.check(scanned == responses, "raw scan read %,d responses, expected %,d", scanned, responses);
            }
            double rawScanSeconds = Math.min(rawBefore, rawAfter);

            // the table
            var out = System.out;
            out.printf("%n== Mining over %,d events (seed %d): %,d conversations, %,d responses; %d cores, ES heap %s"
                            + " ==%n", projected.events(), options.seed(), projected.conversations(),
                    projected.responses(), Runtime.getRuntime().availableProcessors(), options.esHeap());
            out.printf("load average (1, 5, 15 min) at the job's start: %s, at its end: %s%n", loadBefore, loadAfter);
            out.printf("platform JVM options: %s; extra platform arguments: %s%n",
                    options.platformJvmOptions().isEmpty() ? "(JVM defaults)" : options.platformJvmOptions(),
                    options.platformArguments().isEmpty() ? "(none)" : options.platformArguments());
            out.printf("preparation (not measured): simulate + project in process (lexical follow-ups, no abandonment "
                            + "sweep) %.1f s, %,d deliveries -> %,d events; bulk load of %,d documents %.1f s%n",
                    projected.seconds(), projected.deliveries(), projected.events(), loaded, loadSeconds);
            double total = Duration.between(created, finished).toMillis() / 1000.0;
            out.printf("%n%-58s %12s %9s %7s%n", "mining job phase (platform log)", "items", "seconds", "share");
            Instant previous = created;
            String previousName = "start (fingerprint, count)";
            long previousItems = 0;
            double scanSeconds = Double.NaN;
            for (int i = 0; i <= phases.size(); i++) {
                Instant end = i < phases.size() ? phases.get(i).start() : finished;
                double seconds = Duration.between(previous, end).toMillis() / 1000.0;
                String shown = previousName.startsWith("embedding") ? "  (near-duplicates) " + previousName
                        : previousName;
                out.printf("%-58s %,12d %9.1f %6.1f%%%n", shown, previousItems, seconds, 100 * seconds / total);
                if (previousName.equals("scanning responses")) {
                    scanSeconds = seconds;
                }
                if (i < phases.size()) {
                    previous = end;
                    previousName = phases.get(i).name();
                    previousItems = phases.get(i).items();
                }
            }
            out.printf("%-58s %12s %9.1f%n", "total (job createdAt -> finishedAt)", "", total);
            out.printf("%ncandidates %,d -> pairs %s, labels %s (dataset %s); %,.0f candidates/s overall%n",
                    candidates, dataset == null ? "?" : dataset.group(2), dataset == null ? "?" : dataset.group(3),
                    dataset == null ? "?" : dataset.group(1), candidates / total);
            for (String line : logLines) {
                Matcher kept = KEPT_LINE.matcher(line);
                if (kept.find()) {
                    out.printf("  curation %-40s kept %,d of %,d pairs%n", kept.group(1),
                            Long.parseLong(kept.group(2)), Long.parseLong(kept.group(3)));
                }
            }
            out.printf("%n%-58s %9.1f s  %,10.0f responses/s%n", "scan phase of the job", scanSeconds,
                    responses / scanSeconds);
            out.printf("%-58s %9.1f s  %,10.0f responses/s%n", "raw PIT scan + _mget, same pages (before the job)",
                    rawBefore, responses / rawBefore);
            out.printf("%-58s %9.1f s  %,10.0f responses/s%n", "raw PIT scan + _mget, same pages (after the job)",
                    rawAfter, responses / rawAfter);
            out.printf("%-58s %9.2f   (raw seconds / job scan seconds; 1.0 = the floor)%n",
                    "ratio scan throughput job / faster raw", rawScanSeconds / scanSeconds);
            out.printf("%nplatform RSS: %,d MiB before the job (peak %,d MiB), max sampled %,d MiB during it, "
                    + "peak (VmHWM) %,d MiB%n", platformRssBefore, platformHwmBefore, maxRss[0], platformHwm);
            out.printf("Elasticsearch RSS: max sampled %,d MiB during the job, peak (VmHWM, includes the load) %,d MiB%n",
                    maxRss[1], elasticHwm);
            succeeded = checks.passed();
            out.printf("%ncorrectness: %s%n", succeeded ? "OK (job succeeded; documents indexed and scanned exact)"
                    : "FAILED: " + checks.problems());
            return succeeded;
        } finally {
            if (!succeeded) {
                stack.keepLogs();
            }
            stack.close();
        }
    }

    /**
     * Simulates conversations until about {@code options.events()} events and projects each conversation's
     * events (re-sent copies dropped, in {@code occurredAt} order) in one {@link Projector#applyAll} batch.
     */
    private static Projected project(MiningBenchOptions options) throws IOException {
        log("simulating and projecting about %,d events in process (seed %d)", options.events(), options.seed());
        long t0 = System.nanoTime();
        // the simulation sizes its user pool from the conversation count: about 8 events per conversation
        int estimate = (int) Math.max(10, options.events() / 8);
        Simulation simulation = new Simulation(SimulatorOptions.defaults(estimate, options.seed(), TENANT));
        Projector projector = new Projector(SignalProperties.defaults(), new LexicalFollowUpClassifier());
        InMemoryDocuments documents = new InMemoryDocuments();
        long events = 0;
        long deliveries = 0;
        long responses = 0;
        int n = 0;
        long nextLog = 100_000;
        while (events < options.events()) {
            SimulatedConversation conversation = simulation.conversation(n++);
            Map<String, FeedbackEvent> unique = new LinkedHashMap<>();
            for (ObjectNode json : conversation.allEvents()) {
                deliveries++;
                FeedbackEvent event = EVENTS.treeToValue(json, FeedbackEvent.class);
                unique.putIfAbsent(event.eventId(), event);
            }
            List<Projector.TenantEvent> ordered = unique.values().stream()
                    .sorted(Comparator.comparing(FeedbackEvent::occurredAt))
                    .map(e -> new Projector.TenantEvent(conversation.tenant(), e)).toList();
            projector.applyAll(ordered, documents);
            events += ordered.size();
            responses += ordered.stream().filter(e -> e.event() instanceof ResponseGenerated).count();
            if (events >= nextLog) {
                log("  %,d events projected (%,d conversations)", events, n);
                nextLog += 100_000;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        log("projected %,d events of %,d conversations in %.1f s: %,d response documents (%,d ResponseGenerated)",
                events, n, seconds, documents.responseSources().size(), responses);
        return new Projected(documents, events, deliveries, n, documents.responseSources().size(), seconds);
    }

    /** Bulk-indexes documents (id -> JSON source) into an alias in batches; answers how many were indexed. */
    private static long load(ProjectionElastic elastic, String alias, Map<String, String> sources, int batch)
            throws IOException, InterruptedException {
        long indexed = 0;
        List<ProjectionElastic.Doc> chunk = new ArrayList<>(batch);
        for (Map.Entry<String, String> e : sources.entrySet()) {
            chunk.add(new ProjectionElastic.Doc(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8)));
            if (chunk.size() == batch) {
                indexed += bulk(elastic, alias, chunk);
            }
        }
        indexed += bulk(elastic, alias, chunk);
        elastic.call("POST", "/" + alias + "/_refresh", null);
        return indexed;
    }

    private static long bulk(ProjectionElastic elastic, String alias, List<ProjectionElastic.Doc> chunk)
            throws IOException, InterruptedException {
        long indexed = 0;
        for (byte[] body : ProjectionElastic.bulkBodies(alias, chunk, chunk.size() + 1)) {
            indexed += elastic.bulk(body);
        }
        chunk.clear();
        return indexed;
    }

    /**
     * Starts the job and polls it every 500 ms until it ends, logging phase and progress on each phase change and
     * every 10 s, sampling the RSS of the platform ({@code maxRss[0]}) and of Elasticsearch ({@code maxRss[1]}).
     */
    private JsonNode mine(PlatformClient client, String key, Duration timeout, long[] maxRss)
            throws IOException, InterruptedException {
        JsonNode job = client.post(key, "/v1/mining/jobs", Map.of("name", "bench"), 202);
        String path = "/v1/mining/jobs/" + job.path("id").asText();
        long deadline = System.nanoTime() + timeout.toNanos();
        String phase = "";
        long lastLog = 0;
        while (!job.path("state").asText().matches("succeeded|failed")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("mining job not done after " + timeout + ": " + job);
            }
            maxRss[0] = Math.max(maxRss[0], CpuMeter.rssMiB(platform.pid()));
            maxRss[1] = Math.max(maxRss[1], ProjectionCpu.rssOfTreeMiB(node.pid()));
            String now = job.path("phase").asText();
            if (!now.equals(phase) || System.nanoTime() - lastLog > 10_000_000_000L) {
                log("  %s %,d/%,d%s, platform RSS %,d MiB", now, job.path("done").asLong(), job.path("total").asLong(),
                        job.hasNonNull("etaSeconds") ? " (ETA " + job.get("etaSeconds").asLong() + " s)" : "",
                        CpuMeter.rssMiB(platform.pid()));
                phase = now;
                lastLog = System.nanoTime();
            }
            Thread.sleep(POLL.toMillis());
            job = client.get(key, path);
        }
        log("job %s: %s", job.path("state").asText(), job);
        return job;
    }

    /** Every phase the platform logged for the job, in order, with the time of its log line. */
    private static List<Phase> phases(List<String> lines, String jobId) {
        List<Phase> phases = new ArrayList<>();
        for (String line : lines) {
            Matcher m = PHASE_LINE.matcher(line);
            if (m.find() && m.group(1).equals(jobId)) {
                Instant at = timestamp(line);
                if (at != null) {
                    phases.add(new Phase(m.group(2), at, Long.parseLong(m.group(3))));
                }
            }
        }
        return phases;
    }

    /** The ISO timestamp a Spring Boot log line starts with; null if it does not. */
    private static Instant timestamp(String line) {
        int space = line.indexOf(' ');
        try {
            return space > 0 ? OffsetDateTime.parse(line.substring(0, space)).toInstant() : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static long firstNumber(List<String> lines, Pattern pattern, int group) {
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return Long.parseLong(m.group(group));
            }
        }
        return -1;
    }

    private static Matcher lastMatch(List<String> lines, Pattern pattern) {
        Matcher last = null;
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                last = m;
            }
        }
        return last;
    }

    /**
     * What the job's scan does against Elasticsearch, without the platform: a point-in-time over the responses,
     * pages of {@link #SCAN_PAGE} of the tenant's documents in {@code _shard_doc} order, each page's conversations
     * in one {@code _mget}, every answer parsed. Answers the number of responses read.
     */
    private static double rawScan(ProjectionElastic elastic, long[] read, int run)
            throws IOException, InterruptedException {
        log("baseline: raw point-in-time scan of %s, pages of %,d, with the conversations' _mget", RESPONSES,
                SCAN_PAGE);
        long t0 = System.nanoTime();
        read[run] = rawScan(elastic);
        double seconds = (System.nanoTime() - t0) / 1e9;
        log("  %,d responses in %.1f s", read[run], seconds);
        return seconds;
    }

    private static long rawScan(ProjectionElastic elastic) throws IOException, InterruptedException {
        String pit = elastic.call("POST", "/" + RESPONSES + "/_pit?keep_alive=5m", null).path("id").asText();
        long read = 0;
        try {
            JsonNode after = null;
            while (true) {
                ObjectNode search = EVENTS.createObjectNode().put("size", SCAN_PAGE);
                search.putObject("pit").put("id", pit).put("keep_alive", "5m");
                search.putObject("query").putObject("term").put("tenant", TENANT);
                search.putArray("sort").addObject().put("_shard_doc", "asc");
                if (after != null) {
                    search.set("search_after", after);
                }
                JsonNode hits = elastic.call("POST", "/_search", EVENTS.writeValueAsString(search))
                        .path("hits").path("hits");
                if (hits.isEmpty()) {
                    return read;
                }
                Set<String> ids = new LinkedHashSet<>();
                hits.forEach(h -> ids.add(h.path("_source").path("tenant").asText() + ":"
                        + h.path("_source").path("conversationId").asText()));
                ObjectNode mget = EVENTS.createObjectNode();
                ids.forEach(mget.putArray("ids")::add);
                elastic.call("POST", "/" + CONVERSATIONS + "/_mget", EVENTS.writeValueAsString(mget));
                read += hits.size();
                after = hits.get(hits.size() - 1).path("sort");
            }
        } finally {
            elastic.call("DELETE", "/_pit", "{\"id\":\"" + pit + "\"}");
        }
    }

    /** The first three fields of {@code /proc/loadavg}: other engineers share the machine. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    static void log(String format, Object... args) {
        IngestBenchmark.log(format, args);
    }
}
