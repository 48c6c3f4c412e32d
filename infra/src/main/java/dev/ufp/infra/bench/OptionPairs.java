package dev.ufp.infra.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A harness's {@code --name value} arguments as pairs; {@code --help} and a missing value end with the usage. */
final class OptionPairs {

    private OptionPairs() {
    }

    static List<Map.Entry<String, String>> of(String[] args, String usage) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new IllegalArgumentException(usage);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name + "\n" + usage);
            }
            pairs.add(Map.entry(name, args[++i]));
        }
        return pairs;
    }
}
