package dev.ufp.infra.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/** The results table: absolute numbers, the ratios the targets are stated in, and the correctness checks. */
final class Report {

    static final long WINDOW = 100_000;

    record Phase(String name, Progress progress, CpuMeter.Sample cpu) {
        double microsPerEvent(double cpuSeconds) {
            return cpuSeconds * 1e6 / progress.done();
        }
    }

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void header(BenchOptions options, Workload workload, int cores, long maxMemoryMiB) {
        out.printf("%n== Ingestion through HTTP into PostgreSQL ==%n");
        out.printf("workload: %,d events (seed %d, %d interleaved conversations, avg %d B JSON per event), "
                        + "%d client threads, batches of %d (raw: %d rows/tx)%n", workload.total(), options.seed(),
                Workload.INTERLEAVED, workload.averageEventBytes(), options.clientThreads(), options.batchSize(),
                RawJdbcBaseline.ROWS_PER_TRANSACTION);
        out.printf("machine: %d cores, %,d MiB harness max heap; platform JVM options: %s%n", cores, maxMemoryMiB,
                options.platformJvmOptions().isEmpty() ? "(JVM defaults)" : options.platformJvmOptions());
    }

    void throughput(Phase raw, Phase platform, CpuTimeline timeline) {
        out.printf("%n%-34s %12s %10s %12s   %s%n", "throughput", "events", "seconds", "events/s",
                "CPU µs/event: platform JVM | PostgreSQL | harness | other processes");
        for (Phase p : List.of(raw, platform)) {
            out.printf("%-34s %,12d %10.1f %,12.0f   %8.1f | %10.1f | %7.1f | %7.1f%n", p.name(),
                    p.progress().done(), p.progress().seconds(), p.progress().rate(),
                    p.microsPerEvent(p.cpu().platform()), p.microsPerEvent(p.cpu().postgresTotal()),
                    p.microsPerEvent(p.cpu().harness()), p.microsPerEvent(p.cpu().other()));
        }
        double ratio = platform.progress().rate() / raw.progress().rate();
        out.printf("%-34s %35.2f   target >= 0.40: %s%n", "ratio platform / raw", ratio, ratio >= 0.4 ? "MET" : "MISSED");
        double[] firstLast = platform.progress().firstAndLast(WINDOW);
        double trend = firstLast[1] / firstLast[0];
        out.printf("%-34s %,12.0f / %,.0f events/s = %.2f   target >= 0.90: %s%n",
                "platform last / first 100k", firstLast[1], firstLast[0], trend, trend >= 0.9 ? "MET" : "MISSED");
        out.printf("platform per-100k windows (events/s): %s%n", windows(platform.progress()));
        out.printf("  other processes' CPU (cores):       %s%n", background(platform.progress(), timeline));
        out.printf("raw per-100k windows (events/s):      %s%n", windows(raw.progress()));
        out.printf("  other processes' CPU (cores):       %s%n", background(raw.progress(), timeline));
    }

    void latency(LatencyProbe.Result latency) {
        out.printf("%nsingle-event POST latency, open loop at %.0f req/s, %,d requests: p50 %.1f ms, p99 %.1f ms, "
                + "max %.1f ms%n", latency.offeredRate(), latency.requests(), latency.p50Millis(),
                latency.p99Millis(), latency.maxMillis());
    }

    void memory(long platformPeakRssMiB) {
        out.printf("platform peak RSS (VmHWM): %,d MiB%n", platformPeakRssMiB);
    }

    void rows(String table, long stored, long expected, long[] averageBytes) {
        out.printf("stored rows %-22s %,12d expected %,12d  %s   (avg payload %d B, metadata %d B)%n", table,
                stored, expected, stored == expected ? "OK" : "MISMATCH", averageBytes[0], averageBytes[1]);
    }

    void verdict(boolean correct) {
        out.printf("%ncorrectness: %s%n", correct ? "OK (every item result accepted, stored counts exact)"
                : "FAILED");
    }

    private static String background(Progress progress, CpuTimeline timeline) {
        return progress.windowSpans(WINDOW).stream()
                .map(w -> w[3] - w[2] < 3_000_000_000L ? "n/a(<3s)"
                        : String.format("%.2f", timeline.otherCores(w[2], w[3])))
                .collect(Collectors.joining(" "));
    }

    private static String windows(Progress progress) {
        return progress.windowRates(WINDOW).stream().map(r -> String.format("%,.0f", r))
                .collect(Collectors.joining(" "));
    }
}
