package dev.ufp.infra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds used during a phase by the platform JVM, by this harness, and by the whole machine (the rest is
 * mostly PostgreSQL), from {@code /proc}; tells where the time goes on a small machine shared by all three.
 */
final class CpuMeter {

    private static final double TICKS = 100.0; // USER_HZ on Linux

    record Sample(double platform, double harness, double machine) {
        Sample minus(Sample before) {
            return new Sample(platform - before.platform, harness - before.harness, machine - before.machine);
        }

        double other() {
            return machine - platform - harness;
        }
    }

    private final long platformPid;

    CpuMeter(long platformPid) {
        this.platformPid = platformPid;
    }

    Sample sample() {
        return new Sample(processSeconds(platformPid), processSeconds(ProcessHandle.current().pid()),
                machineSeconds());
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
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
