package dev.ufp.launchers;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** {@code <command> --name value ...} as given to a launcher's main method. */
record LauncherArgs(String command, Map<String, String> options) {

    static LauncherArgs parse(String[] args) {
        if (args.length == 0 || !(args[0].equals("start") || args[0].equals("stop"))) {
            throw new IllegalArgumentException("usage: start|stop --home DIR [--option value ...]");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected '--name value' at '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return new LauncherArgs(args[0], options);
    }

    Path path(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return Path.of(value).toAbsolutePath();
    }

    int integer(String name, int fallback) {
        String value = options.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a port number, not '" + value + "'");
        }
    }

    String text(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }
}
