package dev.ufp.launchers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An unprivileged system user for services that refuse to run as root; created once, idempotently. */
final class ServiceUser {

    private ServiceUser() {
    }

    static synchronized void ensure(String user) {
        if (run(List.of("id", "-u", user)) == 0) {
            return;
        }
        int code = run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user));
        // 9: created meanwhile by another process
        if (code != 0 && code != 9 && run(List.of("id", "-u", user)) != 0) {
            throw new IllegalStateException("cannot create the system user " + user + " (useradd exited " + code
                    + "); Elasticsearch refuses to run as root");
        }
    }

    static void chown(String user, Path dir) {
        int code = run(List.of("chown", "-R", user, dir.toString()));
        if (code != 0) {
            throw new IllegalStateException("chown -R " + user + " " + dir + " exited " + code);
        }
    }

    /**
     * Lets the service user reach {@code dir}: adds search (x, not read) permission for others on each ancestor
     * that lacks it, e.g. a 0700 temporary directory. Says so on stderr.
     */
    static void makeAncestorsTraversable(Path dir) {
        for (Path parent = dir.toAbsolutePath().getParent(); parent != null; parent = parent.getParent()) {
            try {
                var permissions = java.nio.file.Files.getPosixFilePermissions(parent);
                if (permissions.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                    java.nio.file.Files.setPosixFilePermissions(parent, permissions);
                    System.err.println("made " + parent + " traversable (o+x) for the service user");
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot make " + parent + " traversable for the service user", e);
            }
        }
    }

    private static int run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 60 s");
            }
            if (process.exitValue() != 0 && !command.get(0).equals("id")) {
                System.err.println(String.join(" ", command) + ": " + output.strip());
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
        }
    }
}
