package dev.ufp.infra.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU seconds of the platform JVM, the Elasticsearch node (its launcher and every descendant: under root that is
 * {@code runuser}, the CLI and the server JVM), PostgreSQL, this harness and the whole machine, from {@code /proc};
 * what is left is other processes (another engineer's build skews a run, and shows here).
 */
final class ProjectionCpu {

    private static final double TICKS = 100.0; // USER_HZ on Linux

    record Sample(long nanos, double platform, double elastic, double postgres, double harness, double machine) {
        Sample minus(Sample before) {
            return new Sample(nanos - before.nanos, platform - before.platform, elastic - before.elastic,
                    postgres - before.postgres, harness - before.harness, machine - before.machine);
        }

        double other() {
            return machine - platform - elastic - postgres - harness;
        }

        double seconds() {
            return nanos / 1e9;
        }

        /** "platform x | ES y | PG z | harness h | other o" in cores (CPU seconds per wall second). */
        String cores() {
            double s = seconds();
            return String.format("platform %.2f | ES %.2f | PG %.2f | harness %.2f | other %.2f", platform / s,
                    elastic / s, postgres / s, harness / s, other() / s);
        }
    }

    private final long platformPid;
    private final long elasticPid;

    ProjectionCpu(long platformPid, long elasticPid) {
        this.platformPid = platformPid;
        this.elasticPid = elasticPid;
    }

    Sample sample() {
        return new Sample(System.nanoTime(), seconds(platformPid), tree(elasticPid), postgres(),
                seconds(ProcessHandle.current().pid()), machine());
    }

    /** The Elasticsearch server JVM: the descendant (or the process itself) with the highest peak RSS. */
    static long peakRssOfTreeMiB(long pid) {
        return maxOverTree(pid, CpuMeter::peakRssMiB);
    }

    /** The current RSS of the same process (the largest current RSS in the tree). */
    static long rssOfTreeMiB(long pid) {
        return maxOverTree(pid, CpuMeter::rssMiB);
    }

    private static long maxOverTree(long pid, java.util.function.LongUnaryOperator mib) {
        long best = mib.applyAsLong(pid);
        for (long child : descendants(pid)) {
            best = Math.max(best, mib.applyAsLong(child));
        }
        return best;
    }

    private static List<Long> descendants(long pid) {
        List<Long> pids = new ArrayList<>();
        ProcessHandle.of(pid).ifPresent(p -> p.descendants().forEach(d -> pids.add(d.pid())));
        return pids;
    }

    private static double tree(long pid) {
        double total = orZero(seconds(pid));
        for (long child : descendants(pid)) {
            total += orZero(seconds(child));
        }
        return total;
    }

    private static double postgres() {
        double total = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    if ("postgres".equals(Files.readString(process.resolve("comm")).trim())) {
                        total += orZero(seconds(Long.parseLong(process.getFileName().toString())));
                    }
                } catch (IOException exited) {
                    // gone meanwhile
                }
            }
        } catch (IOException e) {
            return total;
        }
        return total;
    }

    private static double orZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    private static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double machine() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 7 && i < cpu.length; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return busy / TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
