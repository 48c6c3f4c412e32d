package dev.ufp.infra.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU seconds used during a phase by the platform JVM, this harness, PostgreSQL (processes named
 * {@code postgres} alive at the end of the phase) and the whole machine, from {@code /proc}. What is left is other
 * processes (a build on the same machine skews the run) plus backends that exited during the phase.
 */
final class CpuMeter {

    private static final double TICKS = 100.0; // USER_HZ on Linux

    record Sample(double platform, double harness, double machine, Map<Long, Double> postgres) {
        Sample minus(Sample before) {
            Map<Long, Double> pg = new HashMap<>();
            postgres.forEach((pid, cpu) -> pg.put(pid, cpu - before.postgres.getOrDefault(pid, 0.0)));
            return new Sample(platform - before.platform, harness - before.harness, machine - before.machine, pg);
        }

        double postgresTotal() {
            return postgres.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        double other() {
            return machine - platform - harness - postgresTotal();
        }
    }

    private final long platformPid;

    CpuMeter(long platformPid) {
        this.platformPid = platformPid;
    }

    Sample sample() {
        return new Sample(processSeconds(platformPid), processSeconds(ProcessHandle.current().pid()),
                machineSeconds(), postgresSeconds());
    }

    /**
     * Polls one-second windows until processes other than the platform, PostgreSQL and this harness use less
     * than a quarter of a core, for at most {@code maxSeconds}; false if the machine never got quiet.
     */
    boolean awaitQuiet(int maxSeconds) throws InterruptedException {
        for (int waited = 0; waited < maxSeconds; waited++) {
            Sample before = sample();
            Thread.sleep(1000); // the measuring window itself, not a synchronisation
            if (sample().minus(before).other() < 0.25) {
                return true;
            }
        }
        return false;
    }

    private static Map<Long, Double> postgresSeconds() {
        Map<Long, Double> cpu = new HashMap<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    if ("postgres".equals(Files.readString(process.resolve("comm")).trim())) {
                        long pid = Long.parseLong(process.getFileName().toString());
                        cpu.put(pid, processSeconds(pid));
                    }
                } catch (IOException exited) {
                    // gone meanwhile
                }
            }
        } catch (IOException e) {
            return cpu;
        }
        return cpu;
    }

    private static double processSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS; // utime, stime
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double machineSeconds() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 7 && i < cpu.length; i++) {
                if (i != 4 && i != 5) { // skip idle and iowait
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return busy / TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Peak resident set size of a process in MiB ({@code VmHWM}), or -1 when unreadable. */
    static long peakRssMiB(long pid) {
        return statusMiB(pid, "VmHWM:");
    }

    /** Current resident set size of a process in MiB ({@code VmRSS}), or -1 when unreadable. */
    static long rssMiB(long pid) {
        return statusMiB(pid, "VmRSS:");
    }

    private static long statusMiB(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
