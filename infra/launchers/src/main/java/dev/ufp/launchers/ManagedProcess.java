package dev.ufp.launchers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A service run as a child process: started with its output in a log file and its PID in a file, awaited until
 * ready (with the log's tail in the error when it dies or times out), stopped by PID — also from another JVM.
 */
public final class ManagedProcess {

    private final String service;
    private final Process process;
    private final Path pidFile;
    private final Path log;

    private ManagedProcess(String service, Process process, Path pidFile, Path log) {
        this.service = service;
        this.process = process;
        this.pidFile = pidFile;
        this.log = log;
    }

    /** Starts {@code command} in {@code workDir}, output appended to {@code log}, PID written to {@code pidFile}. */
    public static ManagedProcess start(String service, List<String> command, Map<String, String> environment,
                                       Path workDir, Path log, Path pidFile) {
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(pidFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            Files.writeString(pidFile, Long.toString(process.pid()), StandardCharsets.US_ASCII);
            return new ManagedProcess(service, process, pidFile, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service + ": " + command.get(0), e);
        }
    }

    /** Polls {@code ready} until true; fails with the log's tail if the process exits or time runs out. */
    public void awaitReady(BooleanSupplier ready, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (ready.getAsBoolean()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(service + " exited with code " + process.exitValue()
                        + " during start-up; last lines of " + log + ":\n" + tail(log, 30));
            }
            pause(Duration.ofMillis(250));
        }
        stop(pidFile, Duration.ofSeconds(10));
        throw new IllegalStateException(service + " was not ready within " + timeout.toSeconds() + " s; last lines of "
                + log + ":\n" + tail(log, 30));
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** Stops the process named in {@code pidFile}: SIGTERM, then SIGKILL after {@code grace}. True if one ran. */
    public static boolean stop(Path pidFile, Duration grace) {
        Optional<ProcessHandle> handle = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            deleteQuietly(pidFile);
            return false;
        }
        ProcessHandle process = handle.get();
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        Instant deadline = Instant.now().plus(grace);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            pause(Duration.ofMillis(200));
        }
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        deleteQuietly(pidFile);
        return true;
    }

    /** The process named in {@code pidFile}, while it runs. */
    public static Optional<ProcessHandle> process(Path pidFile) {
        return readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    }

    /** True while the process named in {@code pidFile} runs. */
    public static boolean running(Path pidFile) {
        return readPid(pidFile).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Fails with a clear message when something already listens on host:port. */
    public static void requireFreePort(String service, String host, int port) {
        if (listening(host, port)) {
            throw new IllegalStateException("cannot start " + service + ": port " + port + " on " + host
                    + " is already in use (another " + service + "? stop it, or configure another port)");
        }
    }

    public static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port that is free right now on the loopback interface. */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The directory Maven laid out for a service ({@code kafka}, {@code elasticsearch}) under
     * {@code infra/launchers/target}, found from {@code FEEDBACK_LAUNCHERS_DIR} or by walking up from the working dir.
     */
    public static Path layout(String name) {
        String configured = System.getenv("FEEDBACK_LAUNCHERS_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured, name);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("infra/launchers/target").resolve(name);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no infra/launchers/target/" + name + " above " + Path.of("").toAbsolutePath()
                + ": build it with ./mvnw -pl infra/launchers generate-resources, or set FEEDBACK_LAUNCHERS_DIR");
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static boolean logContains(Path file, String text) {
        try {
            return Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Files.exists(pidFile) ? Optional.of(Long.parseLong(Files.readString(pidFile).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stale pid file is harmless: its PID is checked before use
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    @Override
    public String toString() {
        return service + " (pid " + process.pid() + ", log " + log + ")";
    }
}
