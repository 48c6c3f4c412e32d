package dev.ufp.infra.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP half of {@code bench fuzz}: sends generated hostile requests to the platform on a few threads and
 * records every status, every answer ≥ 500 or timeout, and which ingest items were answered {@code rejected}.
 */
final class HttpFuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int EXAMPLES = 20;

    /** What the platform was keyed with, by kind of auth. */
    record Keys(String valid, String otherRole, String admin) {
    }

    /** Figures of one run. */
    record Result(long sent, Map<Integer, Long> byStatus, List<String> failures, long failureCount,
                  Set<HostileInputs.SentEvent> rejected, long itemsAccepted, long itemsRejected, double seconds) {
    }

    private final HttpClient http;
    private final PlatformProcess platform;
    private final Keys keys;

    HttpFuzzer(HttpClient http, PlatformProcess platform, Keys keys) {
        this.http = http;
        this.platform = platform;
        this.keys = keys;
    }

    Result run(HostileInputs inputs, List<String> endpoints, int count, int threads) throws Exception {
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong failureCount = new AtomicLong();
        Set<HostileInputs.SentEvent> rejected = ConcurrentHashMap.newKeySet();
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejectedItems = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Semaphore inFlight = new Semaphore(threads * 2);
        long start = System.nanoTime();
        List<Future<?>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                HostileInputs.Request request = inputs.request(endpoints);
                inFlight.acquire();
                sent.add(pool.submit(() -> {
                    try {
                        HttpResponse<byte[]> answer = http.send(build(request), HttpResponse.BodyHandlers.ofByteArray());
                        statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicLong()).incrementAndGet();
                        if (answer.statusCode() >= 500) {
                            failureCount.incrementAndGet();
                            example(failures, request, answer.statusCode() + " " + abbreviate(answer.body()));
                        } else if (!request.events().isEmpty() && answer.statusCode() / 100 == 2) {
                            audit(request, answer.body(), rejected, accepted, rejectedItems);
                        }
                    } catch (IOException | RuntimeException e) {
                        failureCount.incrementAndGet();
                        statuses.computeIfAbsent(-1, s -> new AtomicLong()).incrementAndGet();
                        example(failures, request, "no answer: " + e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((status, n) -> byStatus.put(status, n.get()));
        return new Result(count, byStatus, List.copyOf(failures), failureCount.get(), Set.copyOf(rejected),
                accepted.get(), rejectedItems.get(), (System.nanoTime() - start) / 1e9);
    }

    /** The per-item results of an ingest batch: which of the sent events were rejected. */
    private static void audit(HostileInputs.Request request, byte[] body, Set<HostileInputs.SentEvent> rejected,
                              AtomicLong accepted, AtomicLong rejectedItems) throws IOException {
        JsonNode results = JSON.readTree(body).path("results");
        if (results.size() != request.events().size()) {
            throw new IllegalStateException("sent " + request.events().size() + " events, got " + results.size()
                    + " results");
        }
        Iterator<JsonNode> answers = results.elements();
        for (HostileInputs.Event event : request.events()) {
            String status = answers.next().path("status").asText();
            if (status.equals("rejected")) {
                rejectedItems.incrementAndGet();
                if (event.ids() != null) {
                    rejected.add(event.ids());
                }
            } else {
                accepted.incrementAndGet();
            }
        }
    }

    private HttpRequest build(HostileInputs.Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(platform.uri("") + request.path()))
                .timeout(TIMEOUT)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (!request.contentType().isEmpty()) {
            builder.header("Content-Type", request.contentType());
        }
        switch (request.auth()) {
            case VALID -> builder.header("Authorization", "Bearer " + keys.valid());
            case OTHER_ROLE -> builder.header("Authorization", "Bearer " + keys.otherRole());
            case ADMIN -> builder.header("Authorization", "Bearer " + keys.admin());
            case GARBAGE -> builder.header("Authorization", "Bearer ufp_" + "g".repeat(40));
            case WRONG_SCHEME -> builder.header("Authorization", "Basic Zm9vOmJhcg==");
            case MISSING -> { }
        }
        return builder.build();
    }

    private static void example(List<String> failures, HostileInputs.Request request, String what) {
        if (failures.size() < EXAMPLES) {
            String path = request.path().length() > 120 ? request.path().substring(0, 120) + "…" : request.path();
            failures.add(request.method() + " " + path + " (" + request.auth() + ", "
                    + (request.body() == null ? 0 : request.body().length) + " bytes): " + what);
        }
    }

    private static String abbreviate(byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
