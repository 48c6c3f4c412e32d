package dev.ufp.infra.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command-line options of the ingestion benchmark, with their defaults. */
record BenchOptions(long events, int clientThreads, int batchSize, int latencyRate, int latencySeconds,
                    long seed, String database, Path jar, List<String> platformJvmOptions) {

    static final String USAGE = """
            usage: bench ingest [--events N] [--client-threads N] [--batch-size N] [--latency-rate REQ_PER_S]
                                [--latency-seconds S] [--seed N] [--db NAME] [--jar PATH] [--platform-jvm-opt OPT]...
            defaults: --events 1000000 --client-threads 8 --batch-size 1000 --latency-rate 200 --latency-seconds 20
                      --seed 42 --db feedback_bench --jar infra/target/infra-0.1.0-SNAPSHOT.jar""";

    static BenchOptions parse(String[] args) {
        long events = 1_000_000;
        int threads = 8;
        int batch = 1000;
        int rate = 200;
        int seconds = 20;
        long seed = 42;
        String db = "feedback_bench";
        Path jar = Path.of("infra/target/infra-0.1.0-SNAPSHOT.jar");
        List<String> jvm = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name + "\n" + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--events" -> events = Long.parseLong(value);
                case "--client-threads" -> threads = Integer.parseInt(value);
                case "--batch-size" -> batch = Integer.parseInt(value);
                case "--latency-rate" -> rate = Integer.parseInt(value);
                case "--latency-seconds" -> seconds = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--db" -> db = value;
                case "--jar" -> jar = Path.of(value);
                case "--platform-jvm-opt" -> jvm.add(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        if (events < 1 || threads < 1 || batch < 1 || batch > 1000 || rate < 0 || seconds < 0) {
            throw new IllegalArgumentException("out-of-range option (batch size 1..1000, others positive)\n" + USAGE);
        }
        if (!db.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("--db must be a plain lower-case PostgreSQL identifier");
        }
        return new BenchOptions(events, threads, batch, rate, seconds, seed, db, jar, List.copyOf(jvm));
    }
}
