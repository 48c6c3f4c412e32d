package dev.ufp.projections.signals;

import dev.ufp.ingestion.contract.PromptSubmitted;
import dev.ufp.projections.followup.FollowUpClass;
import dev.ufp.projections.followup.FollowUpVerdict;
import dev.ufp.projections.model.ConversationDocument;
import dev.ufp.projections.model.ResponseDocument;
import dev.ufp.projections.model.SignalDocument;
import dev.ufp.projections.model.SignalKind;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hindsight (RLHS): a negative follow-up that refers back to an earlier answer — by words ("earlier", "before",
 * "that code", "your first answer") or by sharing much of its vocabulary — revises that earlier response with a
 * negative signal of its own, listed in both responses' documents.
 */
public final class HindsightDetector {

    public static final String NAME = "hindsight-backref";
    public static final String VERSION = "1";
    static final double OVERLAP_THRESHOLD = 0.3;

    private static final Pattern BACK_REFERENCE = Pattern.compile(
            "\\b(earlier|before|previous(ly)?|that code|that snippet|last time|you said|your (first|earlier|"
                    + "previous|original) (answer|response|reply|suggestion))\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIRST = Pattern.compile(
            "\\b(your|the) (first|original) (answer|response|reply|suggestion)\\b", Pattern.CASE_INSENSITIVE);
    private static final Set<String> STOP = Set.of("the", "a", "an", "and", "or", "to", "of", "in", "it", "is",
            "that", "this", "you", "your", "i", "my", "me", "for", "on", "with", "was", "be", "do", "did", "not");

    private final SignalProperties properties;

    public HindsightDetector(SignalProperties properties) {
        this.properties = properties;
    }

    /** The earlier response (before {@code followedResponseId}) a negative follow-up refers back to, if any. */
    public Optional<String> referredResponse(ConversationDocument conversation, String followedResponseId,
                                             String text, FollowUpVerdict verdict) {
        if (verdict.kind() != FollowUpClass.NEGATIVE) {
            return Optional.empty();
        }
        List<ConversationDocument.ResponseRef> earlier = conversation.responses.stream()
                .takeWhile(r -> !r.responseId().equals(followedResponseId)).toList();
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (FIRST.matcher(text).find()) {
            return Optional.of(earlier.get(0).responseId());
        }
        ConversationDocument.ResponseRef best = earlier.get(earlier.size() - 1);
        double bestOverlap = -1;
        for (ConversationDocument.ResponseRef candidate : earlier) {
            double overlap = overlap(text, candidate.excerpt());
            if (overlap > bestOverlap) {
                best = candidate;
                bestOverlap = overlap;
            }
        }
        boolean refersBack = BACK_REFERENCE.matcher(text).find();
        return refersBack || bestOverlap >= OVERLAP_THRESHOLD ? Optional.of(best.responseId()) : Optional.empty();
    }

    /** Adds the revision signal to {@code earlier} and links it from {@code followed}. */
    public SignalDocument revise(ResponseDocument earlier, ResponseDocument followed, PromptSubmitted prompt,
                                 FollowUpVerdict verdict) {
        String signalId = earlier.signalId(SignalKind.HINDSIGHT, prompt.eventId());
        SignalDocument signal = earlier.signal(signalId, () -> SignalDocument.of(signalId, SignalKind.HINDSIGHT,
                properties.hindsight() * Math.max(0.5, verdict.confidence()), NAME, VERSION));
        signal.occurredAt = prompt.occurredAt();
        signal.userId = earlier.userId;
        signal.addSource(prompt.eventId());
        signal.details = new SignalDocument.Details();
        signal.details.followUpResponseId = followed.responseId;
        signal.details.text = prompt.text();
        signal.details.category = verdict.category();
        earlier.withdrawnSignalIds.remove(signalId);
        if (!earlier.revisedBySignals.contains(signalId)) {
            earlier.revisedBySignals.add(signalId);
        }
        if (!followed.revisesResponses.contains(earlier.responseId)) {
            followed.revisesResponses.add(earlier.responseId);
        }
        return signal;
    }

    /**
     * Undoes {@link #revise} for {@code prompt}: its signal leaves {@code earlier} (and is deleted from the signals
     * index), and {@code followed} no longer lists {@code earlier} unless another of its follow-ups revised it too.
     */
    public void withdraw(ResponseDocument earlier, ResponseDocument followed, PromptSubmitted prompt) {
        String signalId = earlier.signalId(SignalKind.HINDSIGHT, prompt.eventId());
        if (earlier.signals.removeIf(s -> s.signalId.equals(signalId))) {
            earlier.withdrawnSignalIds.add(signalId);
        }
        earlier.revisedBySignals.remove(signalId);
        boolean stillRevised = earlier.signals.stream().anyMatch(s -> s.kind.equals(SignalKind.HINDSIGHT.wireName())
                && s.details != null && followed.responseId.equals(s.details.followUpResponseId));
        if (!stillRevised) {
            followed.revisesResponses.remove(earlier.responseId);
        }
    }

    /** Share of the follow-up's content words that also occur in the response excerpt. */
    static double overlap(String followUp, String response) {
        Set<String> words = words(followUp);
        if (words.isEmpty() || response == null) {
            return 0;
        }
        Set<String> other = words(response);
        return (double) words.stream().filter(other::contains).count() / words.size();
    }

    private static Set<String> words(String text) {
        return java.util.Arrays.stream(text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}_]+"))
                .filter(w -> w.length() > 2 && !STOP.contains(w))
                .collect(java.util.stream.Collectors.toSet());
    }
}
