package dev.ufp.infra.bench;

import java.util.function.Function;

/** The shared entry point of every harness: exit 2 on bad options, 1 on an incorrect result, 0 on a correct run. */
final class BenchMain {

    interface Harness<O> {
        /** Runs the benchmark; true when every result was exactly right. */
        boolean run(O options) throws Exception;
    }

    private BenchMain() {
    }

    static <O> void run(String[] args, Function<String[], O> parse, Harness<O> harness) throws Exception {
        O options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        boolean correct;
        try {
            correct = harness.run(options);
        } catch (EventsClient.IncorrectResult e) {
            System.err.println("INCORRECT: " + e.getMessage());
            correct = false;
        }
        System.exit(correct ? 0 : 1);
    }
}
