package dev.ufp.projections.signals;

import dev.ufp.projections.followup.FollowUpClass;
import dev.ufp.projections.followup.FollowUpClassifier;
import dev.ufp.projections.followup.FollowUpVerdict;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small keyword classifier, the default only while no other {@link FollowUpClassifier} bean exists (the
 * embedding and lexical classifiers of {@code followup} replace it). Negative cues win over positive ones;
 * a follow-up sharing most words with the previous prompt is a rephrase.
 */
public final class StubFollowUpClassifier implements FollowUpClassifier {

    private static final Pattern NEGATIVE = Pattern.compile("\\b(not what|didn'?t|doesn'?t|does not|did not|"
            + "wrong|incorrect|not work|isn'?t|useless|fails?|failed|error|not (right|correct|helpful))\\b");
    private static final Pattern POSITIVE = Pattern.compile("\\b(thanks?|thank you|exactly|perfect|great|"
            + "works|worked|helpful|awesome|nice|that'?s it)\\b");

    @Override
    public FollowUpVerdict classify(String previousPrompt, String response, String followUp) {
        String text = followUp.toLowerCase(Locale.ROOT);
        if (NEGATIVE.matcher(text).find()) {
            return new FollowUpVerdict(FollowUpClass.NEGATIVE, -0.8, 0.7, "correctness");
        }
        if (POSITIVE.matcher(text).find()) {
            return new FollowUpVerdict(FollowUpClass.POSITIVE, 0.8, 0.7, "understanding");
        }
        if (previousPrompt != null && jaccard(previousPrompt, followUp) >= 0.6) {
            return new FollowUpVerdict(FollowUpClass.REPHRASE, -0.4, 0.6, "understanding");
        }
        return new FollowUpVerdict(FollowUpClass.NEUTRAL, 0.0, 0.5, null);
    }

    @Override
    public String name() {
        return "stub-keywords";
    }

    @Override
    public String version() {
        return "1";
    }

    static double jaccard(String a, String b) {
        Set<String> left = words(a);
        Set<String> right = words(b);
        if (left.isEmpty() && right.isEmpty()) {
            return 0;
        }
        long common = left.stream().filter(right::contains).count();
        return (double) common / (left.size() + right.size() - common);
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).collect(Collectors.toSet());
    }
}
