package dev.ufp.infra.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Single-event POSTs at a fixed offered load, open loop: request {@code i} is due at {@code start + i/rate}
 * whether or not earlier ones have answered, and its latency counts from that due time, so a stalled server
 * shows up in the percentiles instead of silently lowering the load (no coordinated omission).
 * Conversations rotate so that consecutive events of one conversation are at least five seconds apart.
 */
final class LatencyProbe {

    record Result(int requests, double offeredRate, double p50Millis, double p99Millis, double maxMillis) {
    }

    private final EventsClient client;
    private final int rate;
    private final int seconds;

    LatencyProbe(EventsClient client, int rate, int seconds) {
        this.client = client;
        this.rate = rate;
        this.seconds = seconds;
    }

    static List<BenchEvent> schedule(long seed, int count, int rate) {
        int conversations = Math.max(Math.max(100, rate * 5), (count + 9) / 10);
        List<List<BenchEvent>> scripts = new ArrayList<>(conversations);
        for (int c = 0; c < conversations; c++) {
            scripts.add(ConversationScript.events("lat-c", seed, c));
        }
        List<BenchEvent> order = new ArrayList<>(count);
        for (int round = 0; order.size() < count; round++) {
            for (int c = 0; c < conversations && order.size() < count; c++) {
                if (round < scripts.get(c).size()) {
                    order.add(scripts.get(c).get(round));
                }
            }
        }
        return order;
    }

    Result run(long seed) throws Exception {
        int count = rate * seconds;
        if (count == 0) {
            return new Result(0, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        List<BenchEvent> events = schedule(seed, count, rate);
        long[] latencies = new long[count];
        CompletableFuture<?>[] answers = new CompletableFuture<?>[count];
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        double interval = 1e9 / rate;
        for (int i = 0; i < count; i++) {
            long due = start + Math.round(i * interval);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            int slot = i;
            answers[i] = client.sendAsync(List.of(events.get(i)))
                    .thenRun(() -> latencies[slot] = System.nanoTime() - due);
        }
        CompletableFuture.allOf(answers).get(5, TimeUnit.MINUTES);
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Result(count, rate, millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.99)),
                millis(sorted[sorted.length - 1]));
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[(int) Math.max(0, Math.ceil(p * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
