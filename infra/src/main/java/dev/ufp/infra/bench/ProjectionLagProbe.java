package dev.ufp.infra.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Projection lag at a steady offered rate: every 100 ms each sender (one per workload stream, default one; streams
 * hold disjoint conversations) sends its next batch of {@code rate / 10 / senders} events, in order, only after its
 * previous batch answered, so no conversation is ever overtaken. Measures (a) end-to-end visibility of up to two
 * responses per batch: from the 200 of their POST to the response document being found by a real-time
 * {@code _mget} on the alias (polled every 50 ms, so a sample is late by at most one poll), and (b) the platform's
 * lag gauge, sampled every 100 ms.
 */
final class ProjectionLagProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TICK_NANOS = 100_000_000L;

    record Result(long sent, double sendSeconds, long maxBehindMillis, List<Long> visibilityMillis, long missing,
                  List<Double> gaugeEvents) {
        double offeredRate() {
            return sent / sendSeconds;
        }

        long visibility(double quantile) {
            return percentile(visibilityMillis, quantile);
        }

        double gauge(double quantile) {
            if (gaugeEvents.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = new ArrayList<>(gaugeEvents);
            Collections.sort(sorted);
            return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1));
        }
    }

    private final EventsClient client;
    private final ProjectionElastic elastic;
    private final HttpClient http;
    private final PlatformProcess platform;
    private final String tenant;
    private final String responsesAlias;

    ProjectionLagProbe(EventsClient client, ProjectionElastic elastic, HttpClient http, PlatformProcess platform,
                       String tenant, String responsesAlias) {
        this.client = client;
        this.elastic = elastic;
        this.http = http;
        this.platform = platform;
        this.tenant = tenant;
        this.responsesAlias = responsesAlias;
    }

    Result run(Workload workload, int rate) throws Exception {
        Map<String, Long> pending = new LinkedHashMap<>(); // id -> ack nanos; guarded by itself
        List<Long> visible = Collections.synchronizedList(new ArrayList<>());
        List<Double> gauge = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean sending = new AtomicBoolean(true);
        AtomicBoolean stop = new AtomicBoolean();
        Throwable[] pollerFailure = new Throwable[1];
        Thread poller = new Thread(() -> {
            try {
                while (!stop.get()) {
                    long next = System.nanoTime() + 50_000_000L;
                    List<String> ids;
                    synchronized (pending) {
                        ids = new ArrayList<>(pending.keySet());
                    }
                    if (!ids.isEmpty()) {
                        var found = elastic.found(responsesAlias, ids);
                        long now = System.nanoTime();
                        synchronized (pending) {
                            for (String id : found) {
                                Long ack = pending.remove(id);
                                if (ack != null) {
                                    visible.add((now - ack) / 1_000_000);
                                }
                            }
                        }
                    } else if (!sending.get()) {
                        return;
                    }
                    sleepUntil(next);
                }
            } catch (Throwable e) {
                pollerFailure[0] = e;
            }
        }, "visibility-poller");
        Thread sampler = new Thread(() -> {
            while (!stop.get()) {
                long next = System.nanoTime() + TICK_NANOS;
                try {
                    double lag = ProjectionBenchmark.lagGauge(http, platform);
                    if (!Double.isNaN(lag)) {
                        gauge.add(lag);
                    }
                    sleepUntil(next);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception ignored) {
                    // a missed sample
                }
            }
        }, "lag-gauge-sampler");
        poller.start();
        sampler.start();
        long start = System.nanoTime();
        java.util.concurrent.atomic.AtomicLong maxBehind = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong sentTotal = new java.util.concurrent.atomic.AtomicLong();
        int senders = workload.threads();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(senders);
        try {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int t = 0; t < senders; t++) {
                List<BenchEvent> stream = workload.stream(t);
                int perBatch = Math.max(1, rate / 10 / senders);
                running.add(pool.submit(() -> {
                    send(stream, perBatch, start, pending, maxBehind, sentTotal);
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : running) {
                f.get();
            }
            pool.shutdown();
            long sent = sentTotal.get();
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            sending.set(false);
            poller.join(600_000); // at a rate the projection cannot keep up with, the backlog drains first
            stop.set(true);
            sampler.interrupt();
            sampler.join(5_000);
            if (pollerFailure[0] != null) {
                throw new IllegalStateException("visibility poller failed", pollerFailure[0]);
            }
            long missing;
            synchronized (pending) {
                missing = pending.size();
            }
            return new Result(sent, sendSeconds, maxBehind.get(), List.copyOf(visible), missing, List.copyOf(gauge));
        } finally {
            pool.shutdownNow();
            stop.set(true);
            poller.interrupt();
            sampler.interrupt();
        }
    }

    /** One sender: its own conversations, one batch per 100 ms tick, each only after the previous one answered. */
    private void send(List<BenchEvent> stream, int perBatch, long start, Map<String, Long> pending,
                      java.util.concurrent.atomic.AtomicLong maxBehind, java.util.concurrent.atomic.AtomicLong sent)
            throws Exception {
        for (int k = 0; k * (long) perBatch < stream.size(); k++) {
            long due = start + k * TICK_NANOS;
            sleepUntil(due);
            maxBehind.accumulateAndGet((System.nanoTime() - due) / 1_000_000, Math::max);
            List<BenchEvent> batch = stream.subList(k * perBatch, Math.min(stream.size(), (k + 1) * perBatch));
            client.send(batch);
            long ack = System.nanoTime();
            sent.addAndGet(batch.size());
            int sampled = 0;
            for (BenchEvent event : batch) {
                if (sampled < 2 && event.type().equals("ResponseGenerated")) {
                    String responseId = JSON.readTree(event.json()).path("responseId").asText();
                    synchronized (pending) {
                        pending.put(tenant + ":" + event.conversationId() + ":" + responseId, ack);
                    }
                    sampled++;
                }
            }
        }
    }

    static long percentile(List<Long> values, double quantile) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1));
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
