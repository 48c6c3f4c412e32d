package dev.ufp.infra.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@link CpuMeter} samples every half second in the background, so that each throughput window can say how
 * much CPU other processes took from it: on a shared two-core machine that, not the store, often explains a
 * slow window.
 */
final class CpuTimeline implements AutoCloseable {

    private final CpuMeter meter;
    private final List<Object[]> samples = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cpu-timeline");
        t.setDaemon(true);
        return t;
    });

    CpuTimeline(CpuMeter meter) {
        this.meter = meter;
        sampler.scheduleAtFixedRate(this::record, 0, 500, TimeUnit.MILLISECONDS);
    }

    private void record() {
        CpuMeter.Sample sample = meter.sample();
        long now = System.nanoTime();
        synchronized (samples) {
            samples.add(new Object[] {now, sample});
        }
    }

    /** Cores used by other processes (not the platform, PostgreSQL or this harness) between two instants. */
    double otherCores(long fromNanos, long toNanos) {
        Object[] from = nearest(fromNanos);
        Object[] to = nearest(toNanos);
        if (from == null || to == null || from == to) {
            return Double.NaN;
        }
        double seconds = ((long) to[0] - (long) from[0]) / 1e9;
        return ((CpuMeter.Sample) to[1]).minus((CpuMeter.Sample) from[1]).other() / seconds;
    }

    private Object[] nearest(long nanos) {
        synchronized (samples) {
            Object[] best = null;
            for (Object[] s : samples) {
                if (best == null || Math.abs((long) s[0] - nanos) < Math.abs((long) best[0] - nanos)) {
                    best = s;
                }
            }
            return best;
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
