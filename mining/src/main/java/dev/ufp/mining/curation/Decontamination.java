package dev.ufp.mining.curation;

import dev.ufp.mining.dataset.FilterStep;
import dev.ufp.mining.dataset.UnpairedLabel;
import dev.ufp.mining.pairs.Hashes;
import dev.ufp.mining.pairs.MinedPair;
import dev.ufp.mining.pairs.MinedSet;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decontamination: excludes pairs and labels whose prompt matches a supplied evaluation set — the same normalised
 * text, or (for prompts of at least {@value #NGRAM} words) any shared word {@value #NGRAM}-gram, the usual test for
 * benchmark leakage.
 */
public final class Decontamination implements CurationStep {

    static final int NGRAM = 8;

    private final Set<String> exact = new HashSet<>();
    private final Set<String> grams = new HashSet<>();
    private final int evaluationPrompts;

    public Decontamination(List<String> evaluationSet) {
        for (String prompt : evaluationSet) {
            String normalised = Hashes.normalise(prompt);
            exact.add(normalised);
            grams.addAll(ngrams(normalised));
        }
        this.evaluationPrompts = evaluationSet.size();
    }

    @Override
    public String name() {
        return "decontamination";
    }

    @Override
    public String version() {
        return "v1";
    }

    @Override
    public Outcome apply(MinedSet set) {
        List<MinedPair> pairs = set.pairs().stream().filter(p -> clean(p.pair().prompt())).toList();
        List<UnpairedLabel> labels = set.labels().stream().filter(l -> clean(l.prompt())).toList();
        return new Outcome(set.with(pairs, labels), new FilterStep(name(), version(), set.pairs().size(),
                set.pairs().size() - pairs.size(), Map.of("evaluationPrompts", evaluationPrompts,
                "labelsDropped", set.labels().size() - labels.size())));
    }

    boolean clean(String prompt) {
        if (evaluationPrompts == 0) {
            return true;
        }
        String normalised = Hashes.normalise(prompt);
        return !exact.contains(normalised) && ngrams(normalised).stream().noneMatch(grams::contains);
    }

    private static Set<String> ngrams(String normalised) {
        String[] words = Arrays.stream(normalised.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty())
                .toArray(String[]::new);
        Set<String> out = new HashSet<>();
        for (int i = 0; i + NGRAM <= words.length; i++) {
            out.add(String.join(" ", Arrays.copyOfRange(words, i, i + NGRAM)));
        }
        return out;
    }
}
