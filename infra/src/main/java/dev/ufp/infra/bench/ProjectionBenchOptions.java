package dev.ufp.infra.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command-line options of {@code bench projections}, with their defaults. */
record ProjectionBenchOptions(long events, int clientThreads, int batchSize, int lagRate, int lagSeconds,
                              int lagSenders,
                              int rawBatch, long seed, String database, Path jar, String esHeap,
                              List<String> platformJvmOptions, List<String> platformArguments) {

    static final String USAGE = """
            usage: bench projections [--events N] [--client-threads N] [--batch-size N] [--lag-rate EVENTS_PER_S]
                                     [--lag-seconds S] [--lag-senders N] [--raw-batch DOCS] [--seed N] [--db NAME]
                                     [--jar PATH]
                                     [--es-heap 512m] [--platform-jvm-opt OPT]... [--platform-arg --name=value]...
            defaults: --events 20000 --client-threads 4 --batch-size 1000 --lag-rate 1000 --lag-seconds 30
                      --lag-senders 1 --raw-batch 5000 --seed 11 --db feedback_bench_proj --es-heap 512m
                      --jar infra/target/infra-0.1.0-SNAPSHOT.jar""";

    static ProjectionBenchOptions parse(String[] args) {
        long events = 20_000;
        int threads = 4;
        int batch = 1000;
        int lagRate = 1000;
        int lagSeconds = 30;
        int lagSenders = 1;
        int rawBatch = 5000;
        long seed = 11;
        String db = "feedback_bench_proj";
        Path jar = Path.of("infra/target/infra-0.1.0-SNAPSHOT.jar");
        String esHeap = "512m";
        List<String> jvm = new ArrayList<>();
        List<String> app = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h") || i + 1 >= args.length) {
                throw new IllegalArgumentException(USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--events" -> events = Long.parseLong(value);
                case "--client-threads" -> threads = Integer.parseInt(value);
                case "--batch-size" -> batch = Integer.parseInt(value);
                case "--lag-rate" -> lagRate = Integer.parseInt(value);
                case "--lag-seconds" -> lagSeconds = Integer.parseInt(value);
                case "--lag-senders" -> lagSenders = Integer.parseInt(value);
                case "--raw-batch" -> rawBatch = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--db" -> db = value;
                case "--jar" -> jar = Path.of(value);
                case "--es-heap" -> esHeap = value;
                case "--platform-jvm-opt" -> jvm.add(value);
                case "--platform-arg" -> app.add(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        if (events < 1 || threads < 1 || batch < 1 || batch > 1000 || lagRate < 10 || lagSeconds < 0 || lagSenders < 1
                || rawBatch < 1 || !db.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("out-of-range option\n" + USAGE);
        }
        return new ProjectionBenchOptions(events, threads, batch, lagRate, lagSeconds, lagSenders, rawBatch, seed, db,
                jar,
                esHeap, List.copyOf(jvm), List.copyOf(app));
    }
}
