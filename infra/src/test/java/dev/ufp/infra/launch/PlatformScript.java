package dev.ufp.infra.launch;

import dev.ufp.launchers.ManagedProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code infra/bin/platform} run as a user would, on its own home and free ports, output captured. */
public final class PlatformScript {

    static final Path SCRIPT = Path.of("").toAbsolutePath().getParent().resolve("infra/bin/platform");

    private final Path home;
    private final Map<String, String> environment = new HashMap<>();

    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(line -> !line.isBlank()).toList();
        }
    }

    PlatformScript(Path home, String adminKey) {
        this.home = home;
        environment.put("FEEDBACK_HOME", home.toString());
        environment.put("FEEDBACK_PORT", Integer.toString(ManagedProcess.freePort()));
        environment.put("FEEDBACK_KAFKA_PORT", Integer.toString(ManagedProcess.freePort()));
        environment.put("FEEDBACK_KAFKA_CONTROLLER_PORT", Integer.toString(ManagedProcess.freePort()));
        environment.put("FEEDBACK_ES_PORT", Integer.toString(ManagedProcess.freePort()));
        environment.put("FEEDBACK_ES_TRANSPORT_PORT", Integer.toString(ManagedProcess.freePort()));
        environment.put("FEEDBACK_ADMIN_KEY", adminKey);
        environment.put("FEEDBACK_JAVA_OPTS", "-Xmx1g");
        environment.put("FEEDBACK_JAR", packagedJar().toString());
    }

    /** The jar this build packaged (failsafe runs after package), so that the script never rebuilds it. */
    public static Path packagedJar() {
        try (var files = Files.list(Path.of("target").toAbsolutePath())) {
            return files.filter(p -> p.getFileName().toString().matches("infra-.*-SNAPSHOT\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no packaged infra jar under target/"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    PlatformScript with(String name, String value) {
        environment.put(name, value);
        return this;
    }

    String env(String name) {
        return environment.get(name);
    }

    Path home() {
        return home;
    }

    Run run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(home.resolve("script.out").toFile())
                .redirectError(home.resolve("script.err").toFile());
        builder.environment().keySet().removeAll(List.of("FEEDBACK_KAFKA_BOOTSTRAP", "FEEDBACK_ES_URL",
                "SPRING_PROFILES_ACTIVE", "FEEDBACK_PG_DB"));
        builder.environment().putAll(environment);
        Files.createDirectories(home);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("platform " + String.join(" ", arguments) + " ran over 5 minutes");
        }
        return new Run(process.exitValue(), Files.readString(home.resolve("script.out"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("script.err"), StandardCharsets.UTF_8));
    }
}
