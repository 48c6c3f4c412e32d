package dev.ufp.projections.followup;

import java.util.List;

/** Classifies the user's next utterance after an assistant response. Implementations are versioned. */
public interface FollowUpClassifier {

    /**
     * @param previousPrompt the user prompt the response answered (null if unknown), used to detect rephrases
     * @param response       the assistant response being judged
     * @param followUp       the user's next utterance
     */
    FollowUpVerdict classify(String previousPrompt, String response, String followUp);

    /** Batched form; implementations may embed all texts at once. */
    default List<FollowUpVerdict> classifyAll(List<FollowUpInput> inputs) {
        return inputs.stream().map(i -> classify(i.previousPrompt(), i.response(), i.followUp())).toList();
    }

    /** Detector name recorded with every signal, e.g. {@code flr-minilm}. */
    String name();

    /** Detector version recorded with every signal; bump it when behaviour changes. */
    String version();

    record FollowUpInput(String previousPrompt, String response, String followUp) {
    }
}
