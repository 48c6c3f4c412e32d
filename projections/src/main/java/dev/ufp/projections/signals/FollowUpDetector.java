package dev.ufp.projections.signals;

import dev.ufp.ingestion.contract.PromptSubmitted;
import dev.ufp.projections.followup.FollowUpClass;
import dev.ufp.projections.followup.FollowUpClassifier;
import dev.ufp.projections.followup.FollowUpVerdict;
import dev.ufp.projections.model.ResponseDocument;
import dev.ufp.projections.model.SignalDocument;
import dev.ufp.projections.model.SignalKind;

import java.util.Locale;
import java.util.Optional;

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
     * classifier behind a per-batch memo, or the quick first stage of a two-stage classification. A verdict the
     * detector's own classifier already gave this follow-up (a re-applied event after the second stage revised it)
     * is kept: re-applying an event never turns a final verdict back into a first-stage one.
     */
    public FollowUpVerdict followed(ResponseDocument response, PromptSubmitted prompt, FollowUpClassifier classifier) {
        Optional<FollowUpVerdict> kept = finalVerdict(response, prompt.eventId());
        FollowUpClassifier source = kept.isPresent() ? this.classifier : classifier;
        FollowUpVerdict verdict = kept.orElseGet(() -> classifier.classify(response.promptText,
                response.responseText, prompt.text()));
        record(response, prompt, verdict, source, true);
        AbandonmentDetector.interaction(response, prompt.eventId(), prompt.occurredAt());
        return verdict;
    }

    /**
     * The second stage: replaces the verdict recorded for {@code prompt} with {@code verdict} of the detector's own
     * classifier — the follow-up signal, and the response's {@code followUp} while it is still this prompt's.
     */
    public void revise(ResponseDocument response, PromptSubmitted prompt, FollowUpVerdict verdict) {
        record(response, prompt, verdict, classifier, response.followUp != null
                && prompt.eventId().equals(response.followUp.eventId));
    }

    /** The verdict recorded on {@code response} for the follow-up event {@code eventId}, by whichever detector. */
    public static Optional<FollowUpVerdict> recordedVerdict(ResponseDocument response, String eventId) {
        return response.signal(response.signalId(SignalKind.FOLLOW_UP, eventId))
                .filter(s -> s.details != null && s.details.followUpClass != null)
                .map(s -> new FollowUpVerdict(FollowUpClass.valueOf(s.details.followUpClass.toUpperCase(Locale.ROOT)),
                        response.followUp != null && eventId.equals(response.followUp.eventId)
                                ? response.followUp.polarity : s.value,
                        s.details.confidence == null ? 0 : s.details.confidence, s.details.category));
    }

    /** Whether the follow-up signal of {@code eventId} was recorded by the detector's own classifier. */
    public boolean isFinal(ResponseDocument response, String eventId) {
        return response.signal(response.signalId(SignalKind.FOLLOW_UP, eventId))
                .filter(s -> classifier.name().equals(s.detector) && classifier.version().equals(s.detectorVersion))
                .isPresent();
    }

    private Optional<FollowUpVerdict> finalVerdict(ResponseDocument response, String eventId) {
        return isFinal(response, eventId) ? recordedVerdict(response, eventId) : Optional.empty();
    }

    private static void record(ResponseDocument response, PromptSubmitted prompt, FollowUpVerdict verdict,
                               FollowUpClassifier classifier, boolean setFollowUp) {
        String kind = verdict.kind().name().toLowerCase(Locale.ROOT);
        if (setFollowUp) {
            ResponseDocument.FollowUp followUp = new ResponseDocument.FollowUp();
            followUp.eventId = prompt.eventId();
            followUp.text = prompt.text();
            followUp.at = prompt.occurredAt();
            followUp.kind = kind;
            followUp.polarity = verdict.polarity();
            followUp.confidence = verdict.confidence();
            followUp.category = verdict.category();
            followUp.detector = classifier.name();
            followUp.detectorVersion = classifier.version();
            response.followUp = followUp;
        }
        String signalId = response.signalId(SignalKind.FOLLOW_UP, prompt.eventId());
        SignalDocument signal = response.signal(signalId, () -> SignalDocument.of(signalId, SignalKind.FOLLOW_UP,
                verdict.polarity(), classifier.name(), classifier.version()));
        signal.setValue(verdict.polarity());
        signal.detector = classifier.name();
        signal.detectorVersion = classifier.version();
        signal.occurredAt = prompt.occurredAt();
        signal.userId = response.userId;
        signal.addSource(prompt.eventId());
        signal.details = new SignalDocument.Details();
        signal.details.followUpClass = kind;
        signal.details.category = verdict.category();
        signal.details.confidence = verdict.confidence();
        signal.details.text = prompt.text();
    }
}
