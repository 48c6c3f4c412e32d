package dev.ufp.infra.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command-line options of {@code bench outage}, with their defaults. */
record OutageOptions(CrashOptions.Store store, int outageSeconds, int httpThreads, int batchSize, int kafkaRate,
                     List<String> postgresRestart, long seed, String database, Path jar,
                     List<String> platformArguments) {

    static final String USAGE = """
            usage: bench outage [--store h2|postgres] [--outage-seconds S] [--http-threads N] [--batch-size N]
                                [--kafka-rate EVENTS_PER_S] [--postgres-restart "COMMAND"] [--seed N] [--db NAME]
                                [--jar PATH] [--platform-arg ARG]...
            defaults: --store postgres --outage-seconds 60 --http-threads 2 --batch-size 40 --kafka-rate 100
                      --postgres-restart "pg_ctlcluster --skip-systemctl-redirect 15 main restart" (postgres only)
                      --seed 42 --db feedback_outage --jar infra/target/infra-0.1.0-SNAPSHOT.jar""";

    static OutageOptions parse(String[] args) {
        CrashOptions.Store store = CrashOptions.Store.POSTGRES;
        int outage = 60;
        int threads = 2;
        int batch = 40;
        int rate = 100;
        List<String> restart = List.of("pg_ctlcluster", "--skip-systemctl-redirect", "15", "main", "restart");
        long seed = 42;
        String db = "feedback_outage";
        Path jar = Path.of("infra/target/infra-0.1.0-SNAPSHOT.jar");
        List<String> platform = new ArrayList<>();
        for (var option : OptionPairs.of(args, USAGE)) {
            String name = option.getKey();
            String value = option.getValue();
            switch (name) {
                case "--store" -> store = CrashOptions.store(value);
                case "--outage-seconds" -> outage = CrashOptions.number(name, value, 1, 3600);
                case "--http-threads" -> threads = CrashOptions.number(name, value, 1, 64);
                case "--batch-size" -> batch = CrashOptions.number(name, value, 1, 1000);
                case "--kafka-rate" -> rate = CrashOptions.number(name, value, 0, 100_000);
                case "--postgres-restart" -> restart = List.of(value.trim().split("\\s+"));
                case "--seed" -> seed = Long.parseLong(value);
                case "--db" -> db = CrashOptions.database(value);
                case "--jar" -> jar = Path.of(value);
                case "--platform-arg" -> platform.add(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        return new OutageOptions(store, outage, threads, batch, rate, restart, seed, db, jar, List.copyOf(platform));
    }
}
