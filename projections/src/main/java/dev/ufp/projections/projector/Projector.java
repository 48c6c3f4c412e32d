package dev.ufp.projections.projector;

import dev.ufp.ingestion.contract.ConversationClosed;
import dev.ufp.ingestion.contract.ConversationStarted;
import dev.ufp.ingestion.contract.FeedbackCommented;
import dev.ufp.ingestion.contract.FeedbackEvent;
import dev.ufp.ingestion.contract.PromptSubmitted;
import dev.ufp.ingestion.contract.ReactionAdded;
import dev.ufp.ingestion.contract.ReactionRemoved;
import dev.ufp.ingestion.contract.RegenerateRequested;
import dev.ufp.ingestion.contract.ResponseCopied;
import dev.ufp.ingestion.contract.ResponseGenerated;
import dev.ufp.ingestion.contract.ResponseShared;
import dev.ufp.ingestion.contract.ResponseTargeted;
import dev.ufp.ingestion.contract.SpanCorrected;
import dev.ufp.projections.followup.FollowUpClassifier;
import dev.ufp.projections.followup.FollowUpVerdict;
import dev.ufp.projections.model.ConversationDocument;
import dev.ufp.projections.model.ResponseDocument;
import dev.ufp.projections.signals.AbandonmentDetector;
import dev.ufp.projections.signals.FollowUpDetector;
import dev.ufp.projections.signals.HindsightDetector;
import dev.ufp.projections.signals.InteractionDetector;
import dev.ufp.projections.signals.ReactionDetector;
import dev.ufp.projections.signals.Scores;
import dev.ufp.projections.signals.SignalProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Applies one event of one tenant to the documents it touches. Every change is a "set" determined by the event
 * (never an increment), and derived fields are recomputed from state, so re-applying events — a redelivered
 * batch, a replay — gives identical documents.
 */
public final class Projector {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);
    static final int EXCERPT = 4000;

    /** One event with the tenant it was recorded for ({@code _unknown} when the metadata has none). */
    public record TenantEvent(String tenant, FeedbackEvent event) {
        public static TenantEvent of(Object tenant, FeedbackEvent event) {
            return new TenantEvent(tenant == null ? "_unknown" : tenant.toString(), event);
        }
    }

    private final FollowUpClassifier classifier;
    private final FollowUpClassifier firstStage;
    private final ReactionDetector reactions;
    private final FollowUpDetector followUps;
    private final HindsightDetector hindsight;
    private final InteractionDetector interactions;
    private final AbandonmentDetector abandonment;

    /** A single-stage projector: every follow-up is classified by {@code classifier} when it is applied. */
    public Projector(SignalProperties properties, FollowUpClassifier classifier) {
        this(properties, classifier, null);
    }

    /**
     * A projector whose live batches ({@link #applyAllFirstStage}) classify follow-ups with the quick
     * {@code firstStage} classifier, {@code classifier}'s verdicts coming later from {@link FollowUpRevision};
     * {@code firstStage} null: single stage.
     */
    public Projector(SignalProperties properties, FollowUpClassifier classifier, FollowUpClassifier firstStage) {
        this.classifier = classifier;
        this.firstStage = firstStage;
        this.reactions = new ReactionDetector(properties);
        this.followUps = new FollowUpDetector(classifier);
        this.hindsight = new HindsightDetector(properties);
        this.interactions = new InteractionDetector(properties);
        this.abandonment = new AbandonmentDetector(properties);
    }

    public AbandonmentDetector abandonment() {
        return abandonment;
    }

    /** Whether live batches take the first-stage verdict and leave the final one to {@link #revision()}. */
    public boolean twoStage() {
        return firstStage != null;
    }

    /** The second stage: the final classifier's verdicts replacing the first stage's. */
    public FollowUpRevision revision() {
        return new FollowUpRevision(classifier, followUps, hindsight);
    }

    public void apply(String tenant, FeedbackEvent event, Documents documents) {
        apply(tenant, event, documents, classifier);
    }

    /**
     * Applies a batch in order, with the same result as {@link #apply} one by one, but with the documents the
     * events name read in one {@link Documents#prefetch} and every follow-up classified in one
     * {@link FollowUpClassifier#classifyAll} call. Only a hindsight revision of a response the batch does not name
     * reads its document on its own.
     */
    public void applyAll(List<TenantEvent> events, Documents documents) {
        applyAll(events, documents, classifier);
    }

    /**
     * As {@link #applyAll}, with the first-stage classifier when there is one: the batch never waits on the final
     * classifier (a verdict it already gave is kept); {@link FollowUpRevision} replaces the quick verdicts later.
     */
    public void applyAllFirstStage(List<TenantEvent> events, Documents documents) {
        applyAll(events, documents, firstStage == null ? classifier : firstStage);
    }

    private void applyAll(List<TenantEvent> events, Documents documents, FollowUpClassifier stage) {
        if (events.isEmpty()) {
            return;
        }
        Set<String> responseIds = new LinkedHashSet<>();
        Set<String> conversationIds = new LinkedHashSet<>();
        for (TenantEvent e : events) {
            String conversation = e.event().conversationId();
            conversationIds.add(Documents.conversationId(e.tenant(), conversation));
            if (e.event() instanceof ResponseTargeted targeted) {
                responseIds.add(Documents.responseId(e.tenant(), conversation, targeted.responseId()));
            }
            if (e.event() instanceof ResponseGenerated generated && generated.regenerates() != null) {
                responseIds.add(Documents.responseId(e.tenant(), conversation, generated.regenerates()));
            }
            if (e.event() instanceof PromptSubmitted prompt && prompt.followsResponseId() != null) {
                responseIds.add(Documents.responseId(e.tenant(), conversation, prompt.followsResponseId()));
            }
        }
        documents.prefetch(responseIds, conversationIds);
        FollowUpClassifier batchClassifier = PreclassifiedFollowUps.of(stage, events, documents,
                followUps::isFinal);
        events.forEach(e -> apply(e.tenant(), e.event(), documents, batchClassifier));
    }

    private void apply(String tenant, FeedbackEvent event, Documents documents, FollowUpClassifier classifier) {
        ConversationDocument conversation = documents.conversation(Documents.conversationId(tenant,
                event.conversationId())).orElseGet(() -> newConversation(tenant, event.conversationId()));
        if (event instanceof ConversationStarted started) {
            conversation.userId = started.userId();
            conversation.app = started.app();
            conversation.locale = started.locale();
            conversation.attributes = new java.util.TreeMap<>(started.attributes());
            conversation.startedAt = started.occurredAt();
        } else if (event instanceof PromptSubmitted prompt) {
            conversation.prompts.put(prompt.turnId(),
                    new ConversationDocument.Prompt(prompt.eventId(), prompt.text(), prompt.occurredAt()));
            if (prompt.followsResponseId() != null) {
                followUp(tenant, conversation, prompt, documents, classifier);
            }
        } else if (event instanceof ResponseGenerated generated) {
            responded(tenant, conversation, generated, documents);
        } else if (event instanceof ConversationClosed closed) {
            conversation.closedAt = closed.occurredAt();
            conversation.closeReason = closed.reason();
        } else if (event instanceof ResponseTargeted targeted) {
            onResponse(tenant, event, targeted.responseId(), documents, response -> {
                if (event instanceof ReactionAdded added) {
                    reactions.added(response, added);
                } else if (event instanceof ReactionRemoved removed) {
                    reactions.removed(response, removed);
                } else if (event instanceof ResponseCopied copied) {
                    interactions.copied(response, copied);
                } else if (event instanceof ResponseShared shared) {
                    interactions.shared(response, shared);
                } else if (event instanceof RegenerateRequested regenerate) {
                    interactions.regenerateRequested(response, regenerate);
                } else if (event instanceof SpanCorrected corrected) {
                    interactions.corrected(response, corrected);
                } else if (event instanceof FeedbackCommented commented) {
                    interactions.commented(response, commented);
                }
            });
        }
        conversation.touch(event.occurredAt());
        documents.put(conversation);
    }

    private void responded(String tenant, ConversationDocument conversation, ResponseGenerated event,
                           Documents documents) {
        String id = Documents.responseId(tenant, event.conversationId(), event.responseId());
        ResponseDocument response = documents.response(id).orElseGet(ResponseDocument::new);
        response.id = id;
        response.tenant = tenant;
        response.conversationId = event.conversationId();
        response.responseId = event.responseId();
        response.turnId = event.turnId();
        response.userId = conversation.userId;
        response.app = conversation.app;
        response.locale = conversation.locale;
        response.attributes = new java.util.TreeMap<>(conversation.attributes);
        response.model = event.model();
        response.modelVersion = event.modelVersion();
        response.variant = event.variant();
        response.regenerates = event.regenerates();
        ConversationDocument.Prompt prompt = conversation.prompts.get(event.turnId());
        response.promptText = prompt == null ? null : prompt.text();
        response.promptAt = prompt == null ? null : prompt.at();
        response.responseText = event.text();
        response.respondedAt = event.occurredAt();
        response.latencyMs = event.latencyMs();
        response.promptTokens = event.promptTokens();
        response.completionTokens = event.completionTokens();
        abandonment.responded(response);
        if (conversation.responses.stream().noneMatch(r -> r.responseId().equals(event.responseId()))) {
            conversation.responses.add(new ConversationDocument.ResponseRef(event.responseId(), event.turnId(),
                    event.text().substring(0, Math.min(EXCERPT, event.text().length()))));
        }
        Scores.recompute(response);
        documents.put(response);
        if (event.regenerates() != null) {
            onResponse(tenant, event, event.regenerates(), documents, replaced -> interactions.replacedBy(replaced, event));
        }
    }

    private void followUp(String tenant, ConversationDocument conversation, PromptSubmitted prompt,
                          Documents documents, FollowUpClassifier classifier) {
        onResponse(tenant, prompt, prompt.followsResponseId(), documents, followed -> {
            FollowUpVerdict verdict = followUps.followed(followed, prompt, classifier);
            hindsight.referredResponse(conversation, followed.responseId, prompt.text(), verdict)
                    .flatMap(earlierId -> documents.response(Documents.responseId(tenant, prompt.conversationId(),
                            earlierId)))
                    .ifPresent(earlier -> {
                        hindsight.revise(earlier, followed, prompt, verdict);
                        Scores.recompute(earlier);
                        documents.put(earlier);
                    });
        });
    }

    private static void onResponse(String tenant, FeedbackEvent event, String responseId, Documents documents,
                                   Consumer<ResponseDocument> change) {
        String id = Documents.responseId(tenant, event.conversationId(), responseId);
        documents.response(id).ifPresentOrElse(response -> {
            change.accept(response);
            Scores.recompute(response);
            documents.put(response);
        }, () -> log.warn("{} {} names response {} that is not projected; skipped", event.getClass().getSimpleName(),
                event.eventId(), id));
    }

    private static ConversationDocument newConversation(String tenant, String conversationId) {
        ConversationDocument conversation = new ConversationDocument();
        conversation.id = Documents.conversationId(tenant, conversationId);
        conversation.tenant = tenant;
        conversation.conversationId = conversationId;
        return conversation;
    }
}
