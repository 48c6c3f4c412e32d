package dev.ufp.projections.signals;

import dev.ufp.ingestion.contract.PromptSubmitted;
import dev.ufp.projections.followup.FollowUpClassifier;
import dev.ufp.projections.followup.FollowUpVerdict;
import dev.ufp.projections.model.ResponseDocument;
import dev.ufp.projections.model.SignalDocument;
import dev.ufp.projections.model.SignalKind;

/**
 * A prompt with {@code followsResponseId} is the follow-up of that response: the {@link FollowUpClassifier} judges
 * it against the response and the prompt the response answered; its signed polarity is the signal's value.
 * Detector name and version are the classifier's.
 */
public final class FollowUpDetector {

    private final FollowUpClassifier classifier;

    public FollowUpDetector(FollowUpClassifier classifier) {
        this.classifier = classifier;
    }

    /** Records the follow-up on the response and returns the classifier's verdict. */
    public FollowUpVerdict followed(ResponseDocument response, PromptSubmitted prompt) {
        return followed(response, prompt, classifier);
    }

    /**
     * As {@link #followed(ResponseDocument, PromptSubmitted)}, asking {@code classifier} — the detector's own
     * classifier behind a per-batch memo of verdicts classified in one call.
     */
    public FollowUpVerdict followed(ResponseDocument response, PromptSubmitted prompt, FollowUpClassifier classifier) {
        FollowUpVerdict verdict = classifier.classify(response.promptText, response.responseText, prompt.text());
        ResponseDocument.FollowUp followUp = new ResponseDocument.FollowUp();
        followUp.eventId = prompt.eventId();
        followUp.text = prompt.text();
        followUp.at = prompt.occurredAt();
        followUp.kind = verdict.kind().name().toLowerCase(java.util.Locale.ROOT);
        followUp.polarity = verdict.polarity();
        followUp.confidence = verdict.confidence();
        followUp.category = verdict.category();
        followUp.detector = classifier.name();
        followUp.detectorVersion = classifier.version();
        response.followUp = followUp;

        String signalId = response.signalId(SignalKind.FOLLOW_UP, prompt.eventId());
        SignalDocument signal = response.signal(signalId, () -> SignalDocument.of(signalId, SignalKind.FOLLOW_UP,
                verdict.polarity(), classifier.name(), classifier.version()));
        signal.setValue(verdict.polarity());
        signal.occurredAt = prompt.occurredAt();
        signal.userId = response.userId;
        signal.addSource(prompt.eventId());
        signal.details = new SignalDocument.Details();
        signal.details.followUpClass = followUp.kind;
        signal.details.category = verdict.category();
        signal.details.confidence = verdict.confidence();
        signal.details.text = prompt.text();
        AbandonmentDetector.interaction(response, prompt.eventId(), prompt.occurredAt());
        return verdict;
    }
}
