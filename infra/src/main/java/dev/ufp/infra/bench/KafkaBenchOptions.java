package dev.ufp.infra.bench;

import java.nio.file.Path;

/** Command-line options of {@code bench kafka}, with their defaults. */
record KafkaBenchOptions(long events, int clientThreads, int batchSize, int lagRate, int lagSeconds, long seed,
                         String database, Path jar) {

    static final String USAGE = """
            usage: bench kafka [--events N] [--client-threads N] [--batch-size N] [--lag-rate EVENTS_PER_S]
                               [--lag-seconds S] [--seed N] [--db NAME] [--jar PATH]
            defaults: --events 300000 --client-threads 8 --batch-size 1000 --lag-rate 1000 --lag-seconds 30
                      --seed 7 --db feedback_bench_kafka --jar infra/target/infra-0.1.0-SNAPSHOT.jar""";

    static KafkaBenchOptions parse(String[] args) {
        long events = 300_000;
        int threads = 8;
        int batch = 1000;
        int lagRate = 1000;
        int lagSeconds = 30;
        long seed = 7;
        String db = "feedback_bench_kafka";
        Path jar = Path.of("infra/target/infra-0.1.0-SNAPSHOT.jar");
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || i + 1 >= args.length) {
                throw new IllegalArgumentException(USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--events" -> events = Long.parseLong(value);
                case "--client-threads" -> threads = Integer.parseInt(value);
                case "--batch-size" -> batch = Integer.parseInt(value);
                case "--lag-rate" -> lagRate = Integer.parseInt(value);
                case "--lag-seconds" -> lagSeconds = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--db" -> db = value;
                case "--jar" -> jar = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        if (events < 1 || threads < 1 || batch < 1 || batch > 1000 || lagRate < 10 || lagSeconds < 10
                || !db.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("out-of-range option\n" + USAGE);
        }
        return new KafkaBenchOptions(events, threads, batch, lagRate, lagSeconds, seed, db, jar);
    }
}
