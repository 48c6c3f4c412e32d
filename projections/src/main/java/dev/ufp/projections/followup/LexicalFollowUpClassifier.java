package dev.ufp.projections.followup;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The transparent baseline: keyword and pattern cues, each +1 or -1, and a rephrase rule by token overlap with
 * the previous prompt. polarity = tanh(atanh(0.5) * (positive cues - negative cues)), so one cue gives 0.5.
 * A follow-up with no cue is NEUTRAL with polarity 0; that is most chit-chat, so the rule ranks coarsely.
 */
public final class LexicalFollowUpClassifier implements FollowUpClassifier {

    public static final String NAME = "flr-lexical";
    public static final String VERSION = "1";

    /** Content-token Jaccard overlap with the previous prompt at or above which a follow-up is a rephrase. */
    static final double REPHRASE_OVERLAP = 0.6;

    private static final double ATANH_HALF = 0.5 * Math.log(3.0);

    record Cue(Pattern pattern, int sign, String category) {
        static Cue of(String regex, int sign, String category) {
            return new Cue(Pattern.compile(regex), sign, category);
        }
    }

    static final List<Cue> CUES = List.of(
            Cue.of("\\b(thanks|thank you|thx|ty)\\b", +1, "informativeness"),
            Cue.of("\\b(helpful|useful|informative)\\b", +1, "informativeness"),
            Cue.of("\\b(great|awesome|excellent|perfect|amazing|wonderful|nice|cool)\\b", +1, "engagingness"),
            Cue.of("\\b(haha+|lol|lmao)\\b", +1, "engagingness"),
            Cue.of("\\bexactly\\b", +1, "understanding"),
            Cue.of("\\b(correct|that's right|that is right|you're right|you are right)\\b", +1, "correctness"),
            Cue.of("\\b(wrong|incorrect|not true|not right|not correct)\\b", -1, "correctness"),
            Cue.of("\\b(doesn't|does not|didn't|did not|won't|will not) work\\b", -1, "correctness"),
            Cue.of("^no\\s*[,.!]", -1, "correctness"),
            Cue.of("\\bnot what\\b", -1, "relevance"),
            Cue.of("\\b(irrelevant|off topic|change the subject|changing the subject)\\b", -1, "relevance"),
            Cue.of("\\b(you|it|that) (didn't|did not|don't|do not)\\b", -1, "understanding"),
            Cue.of("\\b(doesn't|does not|don't|do not) make (any )?sense\\b|\\bmakes no sense\\b|\\bnonsense\\b",
                    -1, "understanding"),
            Cue.of("^(what|huh|wat)\\s*\\?+$", -1, "understanding"),
            Cue.of("\\b(stupid|dumb|idiot|useless|boring|sucks?|wtf)\\b", -1, "engagingness"),
            Cue.of("\\b(ignored?|ignoring)\\b|\\bi (said|told you|asked for)\\b", -1, "instruction-following"));

    private static final Set<String> STOPWORDS = Set.of("a", "an", "the", "is", "are", "was", "were", "do", "does",
            "did", "to", "of", "in", "on", "and", "or", "i", "me", "my", "it", "that", "this", "be", "for", "with",
            "so", "at", "by", "as", "please", "can", "could", "would");

    @Override
    public FollowUpVerdict classify(String previousPrompt, String response, String followUp) {
        if (followUp == null || followUp.isBlank()) {
            return new FollowUpVerdict(FollowUpClass.NEUTRAL, 0.0, 0.0, null);
        }
        String text = normalise(followUp);
        int positive = 0;
        int negative = 0;
        String firstPositive = null;
        String firstNegative = null;
        for (Cue cue : CUES) {
            if (cue.pattern().matcher(text).find()) {
                if (cue.sign() > 0) {
                    positive++;
                    firstPositive = firstPositive == null ? cue.category() : firstPositive;
                } else {
                    negative++;
                    firstNegative = firstNegative == null ? cue.category() : firstNegative;
                }
            }
        }
        int net = positive - negative;
        double polarity = Math.tanh(ATANH_HALF * net);
        if (positive == 0 && previousPrompt != null
                && overlap(contentTokens(text), contentTokens(normalise(previousPrompt))) >= REPHRASE_OVERLAP) {
            return new FollowUpVerdict(FollowUpClass.REPHRASE, Math.min(polarity, -0.5), 0.5,
                    EmbeddingFollowUpClassifier.REPHRASE_CATEGORY);
        }
        if (net > 0) {
            return new FollowUpVerdict(FollowUpClass.POSITIVE, polarity, Math.abs(polarity), firstPositive);
        }
        if (net < 0) {
            return new FollowUpVerdict(FollowUpClass.NEGATIVE, polarity, Math.abs(polarity), firstNegative);
        }
        return new FollowUpVerdict(FollowUpClass.NEUTRAL, 0.0, 0.5, null);
    }

    static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'').strip();
    }

    static Set<String> contentTokens(String normalised) {
        return Arrays.stream(normalised.split("[^a-z0-9']+"))
                .filter(t -> !t.isEmpty() && !STOPWORDS.contains(t))
                .collect(Collectors.toCollection(HashSet::new));
    }

    /** Jaccard overlap; 0 when either side has no content token. */
    static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both.size() / (double) (a.size() + b.size() - both.size());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return VERSION;
    }
}
