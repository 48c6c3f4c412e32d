package dev.ufp.mining.reward;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/** Counts units of one phase, hands snapshots to a {@link Progress} and logs rate and ETA every few seconds. */
final class ProgressMeter {

    private static final Logger log = LoggerFactory.getLogger(ProgressMeter.class);
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(5).toNanos();
    private static final long REPORT_EVERY_NANOS = Duration.ofMillis(250).toNanos();

    private final String phase;
    private final String unit;
    private final long total;
    private final Progress sink;
    private final long startedAt = System.nanoTime();
    private long done;
    private long lastLog = startedAt;
    private long lastReport;
    private String detail = "";

    ProgressMeter(String phase, String unit, long total, Progress sink) {
        this.phase = phase;
        this.unit = unit;
        this.total = total;
        this.sink = sink;
    }

    void detail(String text) {
        detail = text;
    }

    void advance(long units) {
        done += units;
        long now = System.nanoTime();
        if (now - lastReport >= REPORT_EVERY_NANOS) {
            lastReport = now;
            sink.update(snapshot(now));
        }
        if (now - lastLog >= LOG_EVERY_NANOS) {
            lastLog = now;
            Progress.Snapshot s = snapshot(now);
            log.info("{}: {}/{} {} ({} {}/s, ETA {}) {}", phase, s.done(), s.total(), unit,
                    String.format("%.0f", s.ratePerSecond()), unit, s.eta() == null ? "?" : s.eta().toSeconds() + " s",
                    detail);
        }
    }

    /** The last snapshot, always handed over. */
    Progress.Snapshot finish() {
        Progress.Snapshot s = snapshot(System.nanoTime());
        sink.update(s);
        return s;
    }

    double ratePerSecond() {
        return snapshot(System.nanoTime()).ratePerSecond();
    }

    private Progress.Snapshot snapshot(long now) {
        double seconds = Math.max(1e-9, (now - startedAt) / 1e9);
        double rate = done / seconds;
        Duration eta = total > 0 && rate > 0 ? Duration.ofMillis((long) ((total - Math.min(done, total)) / rate * 1000))
                : null;
        return new Progress.Snapshot(phase, done, total, unit, rate, eta, detail);
    }
}
