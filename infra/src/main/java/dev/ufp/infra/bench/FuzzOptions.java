package dev.ufp.infra.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command-line options of {@code bench fuzz}, with their defaults. */
record FuzzOptions(int inputs, double kafkaShare, long seed, int threads, String database, Path jar, String esHeap,
                   List<String> platformJvmOptions) {

    static final String USAGE = """
            usage: bench fuzz [--inputs N] [--kafka-share F] [--seed N] [--threads N] [--db NAME] [--jar PATH]
                              [--es-heap 512m] [--platform-jvm-opt OPT]...
            defaults: --inputs 10000 --kafka-share 0.2 --seed 42 --threads 4 --db feedback_bench_fuzz --es-heap 512m
                      --jar infra/target/infra-0.1.0-SNAPSHOT.jar""";

    static FuzzOptions parse(String[] args) {
        int inputs = 10_000;
        double kafkaShare = 0.2;
        long seed = 42;
        int threads = 4;
        String db = "feedback_bench_fuzz";
        Path jar = Path.of("infra/target/infra-0.1.0-SNAPSHOT.jar");
        String esHeap = "512m";
        List<String> jvm = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h") || i + 1 >= args.length) {
                throw new IllegalArgumentException(USAGE);
            }
            String value = args[++i];
            try {
                switch (name) {
                    case "--inputs" -> inputs = Integer.parseInt(value.replace("_", "").replace(",", ""));
                    case "--kafka-share" -> kafkaShare = Double.parseDouble(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--threads" -> threads = Integer.parseInt(value);
                    case "--db" -> db = value;
                    case "--jar" -> jar = Path.of(value);
                    case "--es-heap" -> esHeap = value;
                    case "--platform-jvm-opt" -> jvm.add(value);
                    default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: " + name + " " + value + "\n" + USAGE);
            }
        }
        if (inputs < 10 || inputs > 1_000_000 || kafkaShare < 0 || kafkaShare > 1 || threads < 1 || threads > 64
                || !db.matches("[a-z_][a-z0-9_]{0,62}") || !esHeap.matches("[0-9]+[mg]")) {
            throw new IllegalArgumentException("out-of-range option (inputs 10..1,000,000, kafka share 0..1, "
                    + "threads 1..64)\n" + USAGE);
        }
        return new FuzzOptions(inputs, kafkaShare, seed, threads, db, jar, esHeap, List.copyOf(jvm));
    }

    int kafkaInputs() {
        return (int) Math.round(inputs * kafkaShare);
    }

    int httpInputs() {
        return inputs - kafkaInputs();
    }
}
