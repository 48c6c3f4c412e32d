package dev.ufp.infra.client;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends conversations through one transport per tenant on N client threads, at a target rate, with progress
 * (events/s, ETA). A conversation is never split over two batches unless it alone exceeds the batch size: the
 * platform orders a batch's events itself, so a conversation delivered in one batch may arrive shuffled.
 */
public final class BatchSender {

    /** A conversation to deliver: all its events go in one batch. */
    public record Unit(String tenant, String conversationId, List<ObjectNode> events) {
    }

    private final Map<String, ? extends EventTransport> transports;
    private final int threads;
    private final int maxBatch;
    private final double eventsPerSecond;
    private final PrintStream progress;

    /**
     * @param eventsPerSecond target rate; 0 = as fast as possible
     * @param progress        where to print progress, or null
     */
    public BatchSender(Map<String, ? extends EventTransport> transports, int threads, int maxBatch,
                       double eventsPerSecond, PrintStream progress) {
        this.transports = transports;
        this.threads = Math.max(1, threads);
        this.maxBatch = maxBatch;
        this.eventsPerSecond = eventsPerSecond;
        this.progress = progress;
    }

    public BatchOutcome send(List<Unit> units) throws Exception {
        long total = units.stream().mapToLong(u -> u.events().size()).sum();
        BatchOutcome outcome = new BatchOutcome();
        AtomicLong reserved = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Thread reporter = progress == null ? null : new Thread(() -> report(done, total, start), "progress");
        if (reporter != null) {
            reporter.setDaemon(true);
            reporter.start();
        }
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    sendShare(units, thread, outcome, reserved, done, start);
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            transports.values().forEach(EventTransport::flush);
        } finally {
            pool.shutdownNow();
            if (reporter != null) {
                reporter.interrupt();
                reporter.join();
                line(done.get(), total, start);
                progress.println();
            }
        }
        return outcome;
    }

    private void sendShare(List<Unit> units, int thread, BatchOutcome outcome, AtomicLong reserved, AtomicLong done,
                           long start) throws Exception {
        Map<String, List<ObjectNode>> pending = new java.util.LinkedHashMap<>();
        for (int i = thread; i < units.size(); i += threads) {
            Unit unit = units.get(i);
            List<ObjectNode> batch = pending.computeIfAbsent(unit.tenant(), k -> new ArrayList<>());
            if (!batch.isEmpty() && batch.size() + unit.events().size() > maxBatch) {
                deliver(unit.tenant(), batch, outcome, reserved, done, start);
            }
            for (ObjectNode event : unit.events()) {
                if (batch.size() == maxBatch) {
                    deliver(unit.tenant(), batch, outcome, reserved, done, start);
                }
                batch.add(event);
            }
        }
        for (Map.Entry<String, List<ObjectNode>> entry : pending.entrySet()) {
            if (!entry.getValue().isEmpty()) {
                deliver(entry.getKey(), entry.getValue(), outcome, reserved, done, start);
            }
        }
    }

    private void deliver(String tenant, List<ObjectNode> batch, BatchOutcome outcome, AtomicLong reserved,
                         AtomicLong done, long start) throws Exception {
        if (eventsPerSecond > 0) {
            long slot = reserved.addAndGet(batch.size()) - batch.size();
            long due = start + (long) (slot / eventsPerSecond * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        EventTransport transport = transports.get(tenant);
        if (transport == null) {
            throw new IllegalStateException("no transport (key) for tenant " + tenant);
        }
        outcome.add(transport.send(List.copyOf(batch)));
        done.addAndGet(batch.size());
        batch.clear();
    }

    private void report(AtomicLong done, long total, long start) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(1000);
                line(done.get(), total, start);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void line(long done, long total, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        String eta = done == 0 ? "?" : String.format("%.0f s", (total - done) / Math.max(rate, 1e-9));
        progress.printf("\r  sent %,d / %,d events  %,.0f events/s  ETA %s   ", done, total, rate, eta);
    }
}
