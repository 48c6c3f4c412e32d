package dev.ufp.infra.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command-line options of {@code bench crash}, with their defaults. */
record CrashOptions(int kills, Store store, int httpThreads, int batchSize, int kafkaRate, int minUpSeconds,
                    int maxUpSeconds, long seed, String database, Path jar, List<String> platformArguments) {

    /** The event store the platform runs on. */
    enum Store { H2, POSTGRES }

    static final String USAGE = """
            usage: bench crash [--kills N] [--store h2|postgres] [--http-threads N] [--batch-size N]
                               [--kafka-rate EVENTS_PER_S] [--up-seconds MIN-MAX] [--seed N] [--db NAME]
                               [--jar PATH] [--platform-arg ARG]...
            defaults: --kills 10 --store h2 --http-threads 4 --batch-size 40 --kafka-rate 200 --up-seconds 5-15
                      --seed 42 --db feedback_crash --jar infra/target/infra-0.1.0-SNAPSHOT.jar""";

    static CrashOptions parse(String[] args) {
        int kills = 10;
        Store store = Store.H2;
        int threads = 4;
        int batch = 40;
        int rate = 200;
        int minUp = 5;
        int maxUp = 15;
        long seed = 42;
        String db = "feedback_crash";
        Path jar = Path.of("infra/target/infra-0.1.0-SNAPSHOT.jar");
        List<String> platform = new ArrayList<>();
        for (var option : OptionPairs.of(args, USAGE)) {
            String name = option.getKey();
            String value = option.getValue();
            switch (name) {
                case "--kills" -> kills = number(name, value, 0, 1000);
                case "--store" -> store = store(value);
                case "--http-threads" -> threads = number(name, value, 1, 64);
                case "--batch-size" -> batch = number(name, value, 1, 1000);
                case "--kafka-rate" -> rate = number(name, value, 0, 100_000);
                case "--up-seconds" -> {
                    String[] range = value.split("-", 2);
                    minUp = number(name, range[0], 1, 3600);
                    maxUp = range.length == 2 ? number(name, range[1], minUp, 3600) : minUp;
                }
                case "--seed" -> seed = Long.parseLong(value);
                case "--db" -> db = database(value);
                case "--jar" -> jar = Path.of(value);
                case "--platform-arg" -> platform.add(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        return new CrashOptions(kills, store, threads, batch, rate, minUp, maxUp, seed, db, jar,
                List.copyOf(platform));
    }

    static Store store(String value) {
        return switch (value) {
            case "h2" -> Store.H2;
            case "postgres" -> Store.POSTGRES;
            default -> throw new IllegalArgumentException("--store must be h2 or postgres, was '" + value + "'");
        };
    }

    static String database(String value) {
        if (!value.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("--db must be a plain lower-case PostgreSQL identifier, was '" + value
                    + "'");
        }
        return value;
    }

    static int number(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a number from " + min + " to " + max + ", was '" + value
                + "'");
    }
}
