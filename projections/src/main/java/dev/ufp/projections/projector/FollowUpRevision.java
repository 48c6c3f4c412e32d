package dev.ufp.projections.projector;

import dev.ufp.ingestion.contract.PromptSubmitted;
import dev.ufp.projections.followup.FollowUpClassifier;
import dev.ufp.projections.followup.FollowUpClassifier.FollowUpInput;
import dev.ufp.projections.followup.FollowUpVerdict;
import dev.ufp.projections.model.ConversationDocument;
import dev.ufp.projections.model.ResponseDocument;
import dev.ufp.projections.signals.FollowUpDetector;
import dev.ufp.projections.signals.HindsightDetector;
import dev.ufp.projections.signals.Scores;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The second stage of follow-up classification: for follow-ups the live projection recorded with the quick
 * first-stage verdict, the final classifier's verdict (one {@code classifyAll} call per batch) replaces it — the
 * follow-up signal, the response's {@code followUp} while it is still that prompt's, the hindsight revision the
 * first verdict made (withdrawn) and the one the final verdict makes, and the scores. The documents are then those
 * the final classifier alone would have given: every part a verdict decides is recomputed, and nothing else
 * depends on it.
 */
public final class FollowUpRevision {

    /**
     * @param revised follow-ups whose verdict was replaced
     * @param waiting follow-ups the live projection has not applied yet (nor skipped): revise them later
     */
    public record Outcome(int revised, List<Projector.TenantEvent> waiting) {
    }

    private record Due(String tenant, PromptSubmitted prompt, FollowUpInput input) {
    }

    private final FollowUpClassifier classifier;
    private final FollowUpDetector followUps;
    private final HindsightDetector hindsight;

    FollowUpRevision(FollowUpClassifier classifier, FollowUpDetector followUps, HindsightDetector hindsight) {
        this.classifier = classifier;
        this.followUps = followUps;
        this.hindsight = hindsight;
    }

    /** Revises every follow-up prompt among {@code events} (other events are ignored). */
    public Outcome reviseAll(List<Projector.TenantEvent> events, Documents documents) {
        List<Projector.TenantEvent> prompts = events.stream().filter(e -> e.event() instanceof PromptSubmitted p
                && p.followsResponseId() != null).toList();
        if (prompts.isEmpty()) {
            return new Outcome(0, List.of());
        }
        Set<String> responseIds = new LinkedHashSet<>();
        Set<String> conversationIds = new LinkedHashSet<>();
        for (Projector.TenantEvent e : prompts) {
            PromptSubmitted prompt = (PromptSubmitted) e.event();
            responseIds.add(Documents.responseId(e.tenant(), prompt.conversationId(), prompt.followsResponseId()));
            conversationIds.add(Documents.conversationId(e.tenant(), prompt.conversationId()));
        }
        documents.prefetch(responseIds, conversationIds);
        List<Due> due = new ArrayList<>();
        List<Projector.TenantEvent> waiting = new ArrayList<>();
        for (Projector.TenantEvent e : prompts) {
            PromptSubmitted prompt = (PromptSubmitted) e.event();
            Optional<ResponseDocument> followed = documents.response(Documents.responseId(e.tenant(),
                    prompt.conversationId(), prompt.followsResponseId()));
            boolean recorded = followed.flatMap(r -> FollowUpDetector.recordedVerdict(r, prompt.eventId())).isPresent();
            if (!recorded && !skipped(documents, e.tenant(), prompt)) {
                waiting.add(e);
            } else if (recorded && !followUps.isFinal(followed.get(), prompt.eventId())) {
                ResponseDocument response = followed.get();
                due.add(new Due(e.tenant(), prompt, new FollowUpInput(response.promptText, response.responseText,
                        prompt.text())));
            }
        }
        Map<FollowUpInput, FollowUpVerdict> verdicts = classify(due);
        for (Due d : due) {
            revise(d.tenant(), d.prompt(), verdicts.get(d.input()), documents);
        }
        return new Outcome(due.size(), List.copyOf(waiting));
    }

    /**
     * The live projection applied the prompt (it is in the conversation) without a verdict because the response it
     * follows was never projected (the conversation lists no such response): nothing to revise. A listed response
     * without the verdict is a batch not fully visible yet (a bulk request is not atomic): wait.
     */
    private static boolean skipped(Documents documents, String tenant, PromptSubmitted prompt) {
        return documents.conversation(Documents.conversationId(tenant, prompt.conversationId()))
                .filter(c -> c.prompts.get(prompt.turnId()) != null
                        && prompt.eventId().equals(c.prompts.get(prompt.turnId()).eventId()))
                .filter(c -> c.responses.stream().noneMatch(r -> r.responseId().equals(prompt.followsResponseId())))
                .isPresent();
    }

    private Map<FollowUpInput, FollowUpVerdict> classify(List<Due> due) {
        List<FollowUpInput> distinct = new ArrayList<>(new LinkedHashSet<>(due.stream().map(Due::input).toList()));
        Map<FollowUpInput, FollowUpVerdict> verdicts = new LinkedHashMap<>();
        if (!distinct.isEmpty()) {
            List<FollowUpVerdict> classified = classifier.classifyAll(distinct);
            for (int i = 0; i < distinct.size(); i++) {
                verdicts.put(distinct.get(i), classified.get(i));
            }
        }
        return verdicts;
    }

    private void revise(String tenant, PromptSubmitted prompt, FollowUpVerdict verdict, Documents documents) {
        String conversationId = prompt.conversationId();
        ResponseDocument followed = documents.response(Documents.responseId(tenant, conversationId,
                prompt.followsResponseId())).orElseThrow();
        FollowUpVerdict first = FollowUpDetector.recordedVerdict(followed, prompt.eventId()).orElseThrow();
        ConversationDocument conversation = documents.conversation(Documents.conversationId(tenant, conversationId))
                .orElseThrow(() -> new IllegalStateException("conversation " + conversationId + " of follow-up "
                        + prompt.eventId() + " is not projected"));
        hindsight.referredResponse(conversation, followed.responseId, prompt.text(), first)
                .flatMap(id -> documents.response(Documents.responseId(tenant, conversationId, id)))
                .ifPresent(earlier -> {
                    hindsight.withdraw(earlier, followed, prompt);
                    Scores.recompute(earlier);
                    documents.put(earlier);
                });
        hindsight.referredResponse(conversation, followed.responseId, prompt.text(), verdict)
                .flatMap(id -> documents.response(Documents.responseId(tenant, conversationId, id)))
                .ifPresent(earlier -> {
                    hindsight.revise(earlier, followed, prompt, verdict);
                    Scores.recompute(earlier);
                    documents.put(earlier);
                });
        followUps.revise(followed, prompt, verdict);
        Scores.recompute(followed);
        documents.put(followed);
    }
}
