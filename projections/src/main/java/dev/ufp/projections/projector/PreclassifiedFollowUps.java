package dev.ufp.projections.projector;

import dev.ufp.ingestion.contract.FeedbackEvent;
import dev.ufp.ingestion.contract.PromptSubmitted;
import dev.ufp.ingestion.contract.ResponseGenerated;
import dev.ufp.projections.followup.FollowUpClassifier;
import dev.ufp.projections.followup.FollowUpVerdict;
import dev.ufp.projections.model.ConversationDocument;
import dev.ufp.projections.model.ResponseDocument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The verdicts of one batch's follow-ups, classified in one {@link FollowUpClassifier#classifyAll} call before the
 * batch is applied. The inputs are worked out from the events and the prefetched documents the way the projector
 * will see them (the followed response's prompt and text, possibly generated earlier in the same batch); a lookup
 * that misses (an input this walk did not foresee) falls back to {@link #classify} of the delegate, so verdicts
 * are the same as without the memo, only batched.
 */
final class PreclassifiedFollowUps implements FollowUpClassifier {

    private final FollowUpClassifier delegate;
    private final Map<FollowUpInput, FollowUpVerdict> verdicts = new HashMap<>();

    private PreclassifiedFollowUps(FollowUpClassifier delegate) {
        this.delegate = delegate;
    }

    /**
     * Classifies every follow-up of {@code events} at once, but those whose projected response already holds a
     * verdict the projector keeps ({@code kept}: the final one, on a re-applied event); {@code documents} should
     * hold the prefetched ids.
     */
    static PreclassifiedFollowUps of(FollowUpClassifier classifier, List<Projector.TenantEvent> events,
                                     Documents documents, BiPredicate<ResponseDocument, String> kept) {
        PreclassifiedFollowUps memo = new PreclassifiedFollowUps(classifier);
        Set<FollowUpInput> inputs = new LinkedHashSet<>();
        Map<String, String> promptsInBatch = new HashMap<>();
        Map<String, FollowUpInput> respondedInBatch = new HashMap<>();
        for (Projector.TenantEvent tenantEvent : events) {
            String tenant = tenantEvent.tenant();
            FeedbackEvent event = tenantEvent.event();
            String conversationId = Documents.conversationId(tenant, event.conversationId());
            if (event instanceof PromptSubmitted prompt) {
                if (prompt.followsResponseId() != null) {
                    String followed = Documents.responseId(tenant, event.conversationId(), prompt.followsResponseId());
                    Optional.ofNullable(respondedInBatch.get(followed))
                            .or(() -> documents.response(followed).filter(r -> !kept.test(r, prompt.eventId()))
                                    .map(r -> new FollowUpInput(r.promptText, r.responseText, null)))
                            .ifPresent(r -> inputs.add(new FollowUpInput(r.previousPrompt(), r.response(), prompt.text())));
                }
                promptsInBatch.put(conversationId + "\0" + prompt.turnId(), prompt.text());
            } else if (event instanceof ResponseGenerated generated) {
                String key = conversationId + "\0" + generated.turnId();
                String promptText = promptsInBatch.containsKey(key) ? promptsInBatch.get(key)
                        : documents.conversation(conversationId).map(c -> c.prompts.get(generated.turnId()))
                        .map(ConversationDocument.Prompt::text).orElse(null);
                respondedInBatch.put(Documents.responseId(tenant, event.conversationId(), generated.responseId()),
                        new FollowUpInput(promptText, generated.text(), null));
            }
        }
        if (!inputs.isEmpty()) {
            List<FollowUpInput> distinct = new ArrayList<>(inputs);
            List<FollowUpVerdict> classified = classifier.classifyAll(distinct);
            for (int i = 0; i < distinct.size(); i++) {
                memo.verdicts.put(distinct.get(i), classified.get(i));
            }
        }
        return memo;
    }

    @Override
    public FollowUpVerdict classify(String previousPrompt, String response, String followUp) {
        FollowUpVerdict known = verdicts.get(new FollowUpInput(previousPrompt, response, followUp));
        return known != null ? known : delegate.classify(previousPrompt, response, followUp);
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String version() {
        return delegate.version();
    }
}
