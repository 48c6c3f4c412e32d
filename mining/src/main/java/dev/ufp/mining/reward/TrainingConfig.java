package dev.ufp.mining.reward;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How the ensemble is trained.
 *
 * @param objective       {@code love}: sigmoid cross-entropy on Love labels; {@code pairwise}: Bradley–Terry on
 *                        preference pairs, {@code −log σ(r(chosen) − r(rejected))}
 * @param heads           ensemble size K; each head sees its own bootstrap resample (K = 1: the data as is)
 * @param positiveWeight  weight of the Love class in the loss; 0 = automatic (negatives / positives, at most 50)
 * @param labels          which responses count as examples for {@code love}
 * @param heldOutFraction share of prompts (by prompt hash) held out for the evaluation report
 */
public record TrainingConfig(Objective objective, int heads, int epochs, int batchSize, double learningRate,
                             int hidden, double dropout, long seed, double positiveWeight, LabelMode labels,
                             double heldOutFraction) {

    public static final int MAX_HEADS = 16;
    public static final int MAX_EPOCHS = 200;

    public TrainingConfig {
        if (objective == null) {
            objective = Objective.LOVE;
        }
        if (labels == null) {
            labels = LabelMode.EVIDENCE;
        }
        check(heads >= 1 && heads <= MAX_HEADS, "heads must be 1.." + MAX_HEADS);
        check(epochs >= 1 && epochs <= MAX_EPOCHS, "epochs must be 1.." + MAX_EPOCHS);
        check(batchSize >= 1, "batchSize must be >= 1");
        check(learningRate > 0, "learningRate must be > 0");
        check(hidden >= 1, "hidden must be >= 1");
        check(dropout >= 0 && dropout < 1, "dropout must be in [0, 1)");
        check(positiveWeight >= 0, "positiveWeight must be >= 0");
        check(heldOutFraction >= 0 && heldOutFraction < 1, "heldOutFraction must be in [0, 1)");
    }

    public static TrainingConfig defaults() {
        return new TrainingConfig(Objective.LOVE, 5, 10, 256, 1e-3, 128, 0.1, 42, 0, LabelMode.EVIDENCE, 0.2);
    }

    public TrainingConfig with(Objective newObjective, int newHeads, int newEpochs, long newSeed) {
        return new TrainingConfig(newObjective, newHeads, newEpochs, batchSize, learningRate, hidden, dropout, newSeed,
                positiveWeight, labels, heldOutFraction);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    public enum Objective {
        LOVE, PAIRWISE;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Objective fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** {@code evidence}: only responses with a Love or any active signal; {@code all}: every projected response. */
    public enum LabelMode {
        EVIDENCE, ALL;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static LabelMode fromWire(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
