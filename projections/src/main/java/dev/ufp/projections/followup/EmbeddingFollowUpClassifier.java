package dev.ufp.projections.followup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Follow-up classification in the spirit of Follow-up Likelihood as Reward (FLR, AAAI 2025), with a sentence
 * encoder standing in for the LLM likelihood: a follow-up is scored by how much closer it lies to the positive
 * prototype follow-ups than to the negative ones (see {@link PrototypeScorer}).
 *
 * <ul>
 *   <li>polarity = tanh(atanh(0.5) * score / margin), so |polarity| = 0.5 exactly at the NEUTRAL margin;</li>
 *   <li>the margin is calibrated, not tuned: a quantile of |score| over neutral continuations that carry no
 *       judgement ({@link FollowUpPrototypes#neutralAnchors()});</li>
 *   <li>REPHRASE when the follow-up's cosine to the previous prompt reaches the rephrase threshold and it is not
 *       clearly positive: the user asks again, an implicit negative.</li>
 * </ul>
 * Thread-safe. {@link #classifyAll} embeds all texts of a batch in one encoder call; the shared instance remembers
 * the vectors of recent texts, so a text seen in an earlier batch is not embedded again.
 */
public final class EmbeddingFollowUpClassifier implements FollowUpClassifier {

    public static final String NAME = "flr-minilm";
    public static final String VERSION = "1";

    /** A rephrase says the response missed what was asked: FLR's understanding category. */
    static final String REPHRASE_CATEGORY = "understanding";

    /** Texts whose vectors the shared instance keeps (384 floats each: ~25 MB). */
    static final int CACHED_TEXTS = 16_384;

    private static final double HALF = 0.5;
    private static final double ATANH_HALF = 0.5 * Math.log(3.0); // atanh(0.5)

    private final SentenceEncoder encoder;
    private final FlrParameters params;
    private final PrototypeScorer scorer;
    private final double neutralMargin;

    EmbeddingFollowUpClassifier(SentenceEncoder encoder, FollowUpPrototypes prototypes, FlrParameters params) {
        this.encoder = encoder;
        this.params = params;
        this.scorer = new PrototypeScorer(prototypes, encoder, params);
        this.neutralMargin = calibrateMargin(prototypes.neutralAnchors());
    }

    /** The process-wide instance: shared MiniLM encoder, prototypes-v1, default parameters. */
    public static EmbeddingFollowUpClassifier shared() {
        return Holder.INSTANCE;
    }

    @Override
    public FollowUpVerdict classify(String previousPrompt, String response, String followUp) {
        return classifyAll(List.of(new FollowUpInput(previousPrompt, response, followUp))).get(0);
    }

    /**
     * Embeds every distinct follow-up and previous prompt of the batch in one encoder call. Texts are
     * de-duplicated first: in a conversation stream one turn's follow-up is often the next turn's prompt.
     */
    @Override
    public List<FollowUpVerdict> classifyAll(List<FollowUpInput> inputs) {
        Map<String, Integer> distinct = new LinkedHashMap<>();
        int[] followUpIndex = new int[inputs.size()];
        int[] promptIndex = new int[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            followUpIndex[i] = indexOf(distinct, inputs.get(i).followUp());
            promptIndex[i] = indexOf(distinct, inputs.get(i).previousPrompt());
        }
        float[][] vectors = encoder.encodeAll(new ArrayList<>(distinct.keySet()));
        List<FollowUpVerdict> out = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            out.add(followUpIndex[i] < 0
                    ? new FollowUpVerdict(FollowUpClass.NEUTRAL, 0.0, 0.0, null)
                    : verdict(vectors[followUpIndex[i]], promptIndex[i] < 0 ? null : vectors[promptIndex[i]]));
        }
        return out;
    }

    /** Index of the text among the batch's distinct texts, adding it if new; -1 for null or blank. */
    private static int indexOf(Map<String, Integer> distinct, String text) {
        if (text == null || text.isBlank()) {
            return -1;
        }
        Integer known = distinct.get(text);
        if (known != null) {
            return known;
        }
        distinct.put(text, distinct.size());
        return distinct.size() - 1;
    }

    private FollowUpVerdict verdict(float[] followUp, float[] previousPrompt) {
        PrototypeScorer.Score s = scorer.score(followUp);
        double polarity = Math.tanh(ATANH_HALF * s.score() / neutralMargin);
        double rephrase = previousPrompt == null ? 0.0 : SentenceEncoder.cosine(followUp, previousPrompt);
        if (rephrase >= params.rephraseThreshold() && polarity < HALF) {
            double strength = (Math.min(rephrase, 1.0) - params.rephraseThreshold())
                    / (1.0 - params.rephraseThreshold());
            double rephrasePolarity = -(HALF + HALF * strength);
            return new FollowUpVerdict(FollowUpClass.REPHRASE, Math.min(polarity, rephrasePolarity),
                    HALF + HALF * strength, REPHRASE_CATEGORY);
        }
        if (polarity >= HALF) {
            return new FollowUpVerdict(FollowUpClass.POSITIVE, polarity, polarity, s.category());
        }
        if (polarity <= -HALF) {
            return new FollowUpVerdict(FollowUpClass.NEGATIVE, polarity, -polarity, s.category());
        }
        return new FollowUpVerdict(FollowUpClass.NEUTRAL, polarity, 1.0 - Math.abs(polarity), null);
    }

    private double calibrateMargin(List<String> anchors) {
        if (anchors.isEmpty()) {
            return 0.05;
        }
        float[][] vectors = encoder.encodeAll(anchors);
        double[] abs = new double[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            abs[i] = Math.abs(scorer.score(vectors[i]).score());
        }
        Arrays.sort(abs);
        int at = (int) Math.ceil(params.neutralQuantile() * abs.length) - 1;
        return Math.max(abs[Math.max(0, at)], 1e-3);
    }

    /** The calibrated NEUTRAL margin on the raw score (cosine units). */
    double neutralMargin() {
        return neutralMargin;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return VERSION;
    }

    private static final class Holder {
        static final EmbeddingFollowUpClassifier INSTANCE = new EmbeddingFollowUpClassifier(
                new CachedSentenceEncoder(MiniLmSentenceEncoder.shared(), CACHED_TEXTS), FollowUpPrototypes.loadDefault(),
                FlrParameters.DEFAULTS);
    }
}
