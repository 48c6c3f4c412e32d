package dev.ufp.infra.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The platform under test, as its own JVM ({@code java -jar} the fat jar, postgres profile or the default H2 store,
 * a free port, a fresh data directory and a random admin key), ready once {@code /actuator/health/readiness} answers UP (Elasticsearch or Kafka being away does not stop ingestion); stopped on close.
 */
final class PlatformProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final Process process;
    private final Launch launch;
    private final int port;
    private final String adminKey;
    private final Path home;
    private final Path log;

    private PlatformProcess(Process process, Launch launch) {
        this.process = process;
        this.launch = launch;
        this.port = launch.port();
        this.adminKey = launch.adminKey();
        this.home = launch.home();
        this.log = home.resolve("platform.log");
    }

    static PlatformProcess start(Path jar, String database, List<String> jvmOptions) throws IOException {
        return start(jar, database, jvmOptions, List.of("--feedback.kafka.enabled=false"));
    }

    /** {@code appArguments} go to Spring Boot, e.g. Kafka settings. */
    static PlatformProcess start(Path jar, String database, List<String> jvmOptions, List<String> appArguments)
            throws IOException {
        return start(new Launch(jar, Files.createTempDirectory("ufp-bench-"), database, newAdminKey(), freePort(),
                jvmOptions, appArguments));
    }

    /**
     * What starts the platform, kept so that {@link #restart()} starts it again on the same data directory, port
     * and admin key (after a {@link #kill()}, say).
     *
     * @param database a PostgreSQL database (postgres profile), or {@code null} for the default H2 file store under
     *                 {@code home/data}
     */
    record Launch(Path jar, Path home, String database, String adminKey, int port, List<String> jvmOptions,
                  List<String> appArguments) {
    }

    static PlatformProcess start(Launch launch) throws IOException {
        if (!Files.isRegularFile(launch.jar())) {
            throw new IllegalStateException("platform jar not found: " + launch.jar().toAbsolutePath());
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dai.djl.offline=true");
        command.addAll(launch.jvmOptions());
        command.addAll(List.of("-jar", launch.jar().toAbsolutePath().toString(), "--server.port=" + launch.port()));
        command.addAll(launch.appArguments());
        Path home = launch.home();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("platform.log").toFile()));
        if (launch.database() != null) {
            builder.environment().put("SPRING_PROFILES_ACTIVE", "postgres");
            builder.environment().put("FEEDBACK_PG_DB", launch.database());
        } else {
            builder.environment().remove("SPRING_PROFILES_ACTIVE");
        }
        builder.environment().put("FEEDBACK_HOME", home.toString());
        builder.environment().put("FEEDBACK_ADMIN_KEY", launch.adminKey());
        builder.environment().put("OPT_OUT_TRACKING", "true");
        builder.environment().putIfAbsent("DJL_CACHE_DIR", home.resolve("djl").toString());
        return new PlatformProcess(builder.start(), launch);
    }

    static String newAdminKey() {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        return "bench-admin-" + HexFormat.of().formatHex(secret);
    }

    /** {@code kill -9} of the platform's JVM (SIGKILL: no shutdown hook, no flush), returning once it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("platform pid " + process.pid() + " still alive 30 s after SIGKILL");
        }
    }

    /** Starts the platform again with the same launch: same data, port and admin key. */
    PlatformProcess restart() throws IOException {
        return start(launch);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String adminKey() {
        return adminKey;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Polls the health endpoint until it reports UP, failing early if the JVM exits. */
    void awaitHealthy(HttpClient http) throws InterruptedException {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        HttpRequest health = HttpRequest.newBuilder(uri("/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("platform exited with " + process.exitValue() + " during startup; "
                        + "see " + log);
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling
            }
            process.waitFor(250, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("platform not healthy after " + STARTUP + "; see " + log);
    }

    /** Graceful stop (SIGTERM), then a forced one; the data directory goes unless the run failed. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    void deleteHome() throws IOException {
        try (var files = Files.walk(home)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
