package dev.ufp.infra.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command-line options of {@code bench mining}, with their defaults. */
record MiningBenchOptions(long events, long seed, int bulkBatch, int timeoutMinutes, String database, Path jar,
                          String esHeap, List<String> platformJvmOptions, List<String> platformArguments) {

    static final String USAGE = """
            usage: bench mining [--events N] [--seed N] [--bulk-batch DOCS] [--timeout-minutes M] [--db NAME]
                                [--jar PATH] [--es-heap 1g] [--platform-jvm-opt OPT]... [--platform-arg --name=value]...
            defaults: --events 1000000 --seed 11 --bulk-batch 5000 --timeout-minutes 60 --db feedback_bench_mining
                      --es-heap 1g --jar infra/target/infra-0.1.0-SNAPSHOT.jar""";

    static MiningBenchOptions parse(String[] args) {
        long events = 1_000_000;
        long seed = 11;
        int bulkBatch = 5000;
        int timeoutMinutes = 60;
        String db = "feedback_bench_mining";
        Path jar = Path.of("infra/target/infra-0.1.0-SNAPSHOT.jar");
        String esHeap = "1g";
        List<String> jvm = new ArrayList<>();
        List<String> app = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h") || i + 1 >= args.length) {
                throw new IllegalArgumentException(USAGE);
            }
            String value = args[++i];
            try {
                switch (name) {
                    case "--events" -> events = Long.parseLong(value.replace("_", "").replace(",", ""));
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--bulk-batch" -> bulkBatch = Integer.parseInt(value);
                    case "--timeout-minutes" -> timeoutMinutes = Integer.parseInt(value);
                    case "--db" -> db = value;
                    case "--jar" -> jar = Path.of(value);
                    case "--es-heap" -> esHeap = value;
                    case "--platform-jvm-opt" -> jvm.add(value);
                    case "--platform-arg" -> app.add(value);
                    default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: " + name + " " + value + "\n" + USAGE);
            }
        }
        if (events < 1_000 || events > 50_000_000 || bulkBatch < 1 || timeoutMinutes < 1
                || !db.matches("[a-z_][a-z0-9_]{0,62}") || !esHeap.matches("[0-9]+[mg]")) {
            throw new IllegalArgumentException("out-of-range option\n" + USAGE);
        }
        return new MiningBenchOptions(events, seed, bulkBatch, timeoutMinutes, db, jar, esHeap, List.copyOf(jvm),
                List.copyOf(app));
    }
}
