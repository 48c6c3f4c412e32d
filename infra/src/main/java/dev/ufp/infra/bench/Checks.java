package dev.ufp.infra.bench;

import java.util.ArrayList;
import java.util.List;

/** The correctness checks of one run: each failed one is logged at once and listed in the verdict. */
final class Checks {

    private final List<String> problems = new ArrayList<>();

    void check(boolean ok, String format, Object... args) {
        if (!ok) {
            String problem = String.format(format, args);
            problems.add(problem);
            IngestBenchmark.log("INCORRECT: %s", problem);
        }
    }

    boolean passed() {
        return problems.isEmpty();
    }

    List<String> problems() {
        return List.copyOf(problems);
    }
}
