package dev.ufp.projections.projector;

import dev.ufp.ingestion.contract.ConversationClosed;
import dev.ufp.ingestion.contract.ConversationStarted;
import dev.ufp.ingestion.contract.FeedbackEvent;
import dev.ufp.ingestion.contract.PromptSubmitted;
import dev.ufp.ingestion.contract.Reaction;
import dev.ufp.ingestion.contract.ReactionAdded;
import dev.ufp.ingestion.contract.ResponseGenerated;
import dev.ufp.projections.followup.LexicalFollowUpClassifier;
import dev.ufp.projections.model.ResponseDocument;
import dev.ufp.projections.signals.SignalProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.ufp.projections.projector.Events.at;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Abandonment is a function of the events' own times: whatever order the conversations reach the projection in,
 * however the batches are cut and however often the sweep runs in between, the documents come out identical — and
 * equal to a replay that sweeps once at the end.
 */
class EventTimeAbandonmentTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration GRACE = Duration.ofMinutes(5);
    private static final String TENANT = "acme";

    /** c1: r1 at 20 s, no in-window interaction, a reaction after the window; deadline 620 s. */
    private static final List<FeedbackEvent> C1 = List.of(started("c1", 0), prompt("c1", "p1", 10, "t1", null),
            response("c1", "r1", 20, "t1"), react("c1", "x1", 700, "r1"));
    /** c2: r1 at 120 s with an in-window reaction at 130 s (delivered last in the late orders). */
    private static final List<FeedbackEvent> C2 = List.of(started("c2", 100), prompt("c2", "p1", 110, "t1", null),
            response("c2", "r1", 120, "t1"), react("c2", "x1", 130, "r1"));
    /** c3: r1 followed up in its window; r2 at 1,110 s never: deadline 1,710 s, judged once a tenant event passes 2,010 s. */
    private static final List<FeedbackEvent> C3 = List.of(started("c3", 1000), prompt("c3", "p1", 1010, "t1", null),
            response("c3", "r1", 1020, "t1"), prompt("c3", "p2", 1100, "t2", "r1"), response("c3", "r2", 1110, "t2"));
    /** c4: the tenant's last events (watermark 2,600 s): its r1 (deadline 3,120 s) is never judged. */
    private static final List<FeedbackEvent> C4 = List.of(started("c4", 2500), prompt("c4", "p1", 2510, "t1", null),
            response("c4", "r1", 2520, "t1"), closed("c4", 2600));

    private final Projector projector = new Projector(SignalProperties.defaults().withAbandonmentWindow(WINDOW),
            new LexicalFollowUpClassifier());

    @Test
    void interleavingBatchBoundariesAndSweepTimingDoNotChangeTheDocuments() {
        InMemoryDocuments replay = new InMemoryDocuments();
        projector.applyAll(tenant(concat(C1, C2, C3, C4)), replay);
        replay.sweepAbandonment(projector.abandonment(), GRACE);
        assertThat(abandoned(replay)).containsExactly("acme:c1:r1", "acme:c3:r2");

        Map<String, List<FeedbackEvent>> orders = new LinkedHashMap<>();
        orders.put("conversation by conversation", concat(C1, C2, C3, C4));
        orders.put("round robin", roundRobin(C1, C2, C3, C4));
        orders.put("newest first, in-window reaction last", lateReactionLast(concat(C4, C3, C1, C2)));
        orders.put("round robin, in-window reaction last", lateReactionLast(roundRobin(C4, C1, C3, C2)));
        for (var order : orders.entrySet()) {
            for (int batchSize : new int[] {1, 2, 5, 1000}) {
                InMemoryDocuments live = new InMemoryDocuments();
                List<Projector.TenantEvent> events = tenant(order.getValue());
                int swept = 0;
                for (int from = 0; from < events.size(); from += batchSize) {
                    projector.applyAll(events.subList(from, Math.min(events.size(), from + batchSize)), live);
                    swept += live.sweepAbandonment(projector.abandonment(), GRACE);
                }
                assertThat(live.snapshot()).as("%s, batches of %d (%d marked on the way)", order.getKey(), batchSize,
                        swept).isEqualTo(replay.snapshot());
            }
        }
    }

    @Test
    void aPrematureAbandonmentIsWithdrawnWithoutATraceByALateInWindowReaction() {
        InMemoryDocuments documents = new InMemoryDocuments();
        projector.applyAll(tenant(concat(C4, C2.subList(0, 3))), documents);
        assertThat(documents.sweepAbandonment(projector.abandonment(), GRACE)).isEqualTo(1);
        assertThat(documents.response(TENANT, "c2", "r1").abandoned).isTrue();

        Documents recording = new Documents() {
            @Override
            public java.util.Optional<ResponseDocument> response(String id) {
                return documents.response(id);
            }

            @Override
            public java.util.Optional<dev.ufp.projections.model.ConversationDocument> conversation(String id) {
                return documents.conversation(id);
            }

            @Override
            public void put(ResponseDocument response) {
                assertThat(response.withdrawnSignalIds).as("the batch is told to delete the signal")
                        .containsExactly("acme:c2:r1:abandonment");
                documents.put(response);
            }

            @Override
            public void put(dev.ufp.projections.model.ConversationDocument conversation) {
                documents.put(conversation);
            }
        };
        projector.applyAll(tenant(C2.subList(3, 4)), recording);
        ResponseDocument r1 = documents.response(TENANT, "c2", "r1");
        assertThat(r1.abandoned).isFalse();
        assertThat(r1.interacted).isTrue();
        assertThat(r1.signals).noneMatch(s -> s.kind.equals("abandonment"));

        InMemoryDocuments inOrder = new InMemoryDocuments();
        projector.applyAll(tenant(concat(C4, C2)), inOrder);
        inOrder.sweepAbandonment(projector.abandonment(), GRACE);
        assertThat(documents.snapshot()).isEqualTo(inOrder.snapshot());
    }

    @Test
    void aQuietTenantsResponsesWaitForALaterEventOfThatTenantPastDeadlinePlusGrace() {
        InMemoryDocuments documents = new InMemoryDocuments();
        projector.applyAll(List.of(new Projector.TenantEvent("quiet", started("c1", 0)),
                new Projector.TenantEvent("quiet", prompt("c1", "p1", 10, "t1", null)),
                new Projector.TenantEvent("quiet", response("c1", "r1", 20, "t1")),
                new Projector.TenantEvent("busy", started("c9", 100_000))), documents);
        assertThat(documents.sweepAbandonment(projector.abandonment(), GRACE))
                .as("another tenant's events do not move the quiet tenant's watermark").isZero();

        // deadline 620 s + grace 300 s = 920 s: an event at exactly 920 s is not yet past it
        projector.applyAll(List.of(new Projector.TenantEvent("quiet", prompt("c2", "p1", 920, "t1", null))), documents);
        assertThat(documents.sweepAbandonment(projector.abandonment(), GRACE)).isZero();
        assertThat(documents.response("quiet", "c1", "r1").abandoned).isFalse();

        projector.applyAll(List.of(new Projector.TenantEvent("quiet", prompt("c2", "p2", 921, "t2", null))), documents);
        assertThat(documents.sweepAbandonment(projector.abandonment(), GRACE)).isEqualTo(1);
        ResponseDocument r1 = documents.response("quiet", "c1", "r1");
        assertThat(r1.abandoned).isTrue();
        assertThat(r1.signals).singleElement().satisfies(s -> assertThat(s.occurredAt).isEqualTo(at(620)));
    }

    private static List<String> abandoned(InMemoryDocuments documents) {
        return documents.responseSources().keySet().stream()
                .filter(id -> documents.response(id).orElseThrow().abandoned).sorted().toList();
    }

    private static List<Projector.TenantEvent> tenant(List<FeedbackEvent> events) {
        return events.stream().map(e -> new Projector.TenantEvent(TENANT, e)).toList();
    }

    @SafeVarargs
    private static List<FeedbackEvent> concat(List<FeedbackEvent>... conversations) {
        return java.util.Arrays.stream(conversations).flatMap(List::stream).toList();
    }

    @SafeVarargs
    private static List<FeedbackEvent> roundRobin(List<FeedbackEvent>... conversations) {
        List<FeedbackEvent> out = new ArrayList<>();
        int longest = java.util.Arrays.stream(conversations).mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<FeedbackEvent> conversation : conversations) {
                if (i < conversation.size()) {
                    out.add(conversation.get(i));
                }
            }
        }
        return out;
    }

    /** c2's in-window reaction delivered after everything else (a backend that sends reactions late). */
    private static List<FeedbackEvent> lateReactionLast(List<FeedbackEvent> events) {
        Map<Boolean, List<FeedbackEvent>> split = events.stream().collect(Collectors.partitioningBy(
                e -> e.eventId().equals("c2:x1"), Collectors.toList()));
        return concat(split.get(false), split.get(true));
    }

    private static ConversationStarted started(String c, int s) {
        return new ConversationStarted(c + ":start", c, at(s), "alice", "app", "en", Map.of("cohort", "beta"));
    }

    private static PromptSubmitted prompt(String c, String id, int s, String turn, String follows) {
        return new PromptSubmitted(c + ":" + id, c, at(s), turn, follows == null ? "How do I sort a list?"
                : "Thanks, that works", follows);
    }

    private static ResponseGenerated response(String c, String responseId, int s, String turn) {
        return new ResponseGenerated(c + ":g-" + responseId, c, at(s), responseId, turn, "Use sorted(xs).", "m1",
                "2026-11", "A", null, 120L, 10, 20);
    }

    private static ReactionAdded react(String c, String id, int s, String responseId) {
        return new ReactionAdded(c + ":" + id, c, at(s), responseId, "alice", Reaction.THUMBS_UP, null);
    }

    private static ConversationClosed closed(String c, int s) {
        return new ConversationClosed(c + ":close", c, at(s), "user-left");
    }
}
