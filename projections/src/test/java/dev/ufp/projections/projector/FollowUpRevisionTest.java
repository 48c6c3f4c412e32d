package dev.ufp.projections.projector;

import dev.ufp.ingestion.contract.FeedbackEvent;
import dev.ufp.ingestion.contract.Reaction;
import dev.ufp.projections.followup.ContrarianClassifier;
import dev.ufp.projections.followup.FollowUpClassifier;
import dev.ufp.projections.followup.LexicalFollowUpClassifier;
import dev.ufp.projections.model.ResponseDocument;
import dev.ufp.projections.signals.SignalProperties;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.ufp.projections.projector.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-stage follow-up classification ({@link Projector#applyAllFirstStage} then {@link FollowUpRevision}) leaves
 * exactly the documents the final classifier alone gives — whenever the revision runs, however often events are
 * re-applied — and the first stage's verdict is visible, with its detector, until the revision.
 */
class FollowUpRevisionTest {

    private static final List<FeedbackEvent> HISTORY = List.of(started("alice"),
            prompt("p1", 1, "t1", "Parse dates?", null), response("g1", 2, "r1", "t1", "Use strptime."),
            react("e1", 3, "r1", "alice", Reaction.THUMBS_UP), prompt("p2", 6, "t2", "Great, now plot it", "r1"),
            response("g2", 7, "r2", "t2", "plt.plot()"), regenerate("e4", 8, "r2", "alice"),
            regenerated("g3", 9, "r3", "t2", "import matplotlib", "r2"), prompt("p3", 10, "t3", "Thanks!", "r3"),
            response("g4", 11, "r4", "t3", "You are welcome."), copied("e3", 12, "r1", "bob"),
            // negative at first, with a hindsight revision of r1 that the final verdict withdraws
            prompt("p4", 14, "t4", "Wrong, and your first answer didn't work either", "r4"),
            // positive at first, negative in the end: a hindsight revision of r1 appears with the final verdict
            prompt("p6", 15, "t6", "Thanks, your first answer was better", "r4"),
            react("e7", 16, "r1", "carol", Reaction.LOVE),
            prompt("p5", 17, "t5", "no, that is not what I asked", "r3"), closed("e9", 20));
    private static final List<String> TENANTS = List.of("acme", "beta");
    private static final int SPLIT = 9;

    private final FollowUpClassifier contrarian = new ContrarianClassifier();
    private final Projector singleStage = new Projector(SignalProperties.defaults(), contrarian);
    private final Projector twoStage = new Projector(SignalProperties.defaults(), contrarian,
            new LexicalFollowUpClassifier());
    private final FollowUpRevision revision = twoStage.revision();

    @Test
    void revisingEachBatchGivesTheSingleStageDocuments() {
        InMemoryDocuments documents = new InMemoryDocuments();
        for (List<Projector.TenantEvent> batch : batches()) {
            twoStage.applyAllFirstStage(batch, documents);
            revision.reviseAll(batch, documents);
        }
        assertThat(documents.snapshot()).isEqualTo(singleStage().snapshot());
    }

    @Test
    void revisingLateAfterLaterEventsGivesTheSingleStageDocuments() {
        InMemoryDocuments documents = new InMemoryDocuments();
        batches().forEach(batch -> twoStage.applyAllFirstStage(batch, documents));
        assertThat(documents.snapshot()).as("first stage only").isNotEqualTo(singleStage().snapshot());
        FollowUpRevision.Outcome outcome = revision.reviseAll(interleaved(0, HISTORY.size()), documents);
        assertThat(outcome.revised()).as("follow-ups revised").isEqualTo(5 * TENANTS.size());
        assertThat(documents.snapshot()).isEqualTo(singleStage().snapshot());
        assertThat(revision.reviseAll(interleaved(0, HISTORY.size()), documents).revised())
                .as("a second revision finds nothing left").isZero();
    }

    @Test
    void reApplyingRevisedEventsKeepsTheFinalVerdicts() {
        InMemoryDocuments documents = new InMemoryDocuments();
        batches().forEach(batch -> twoStage.applyAllFirstStage(batch, documents));
        revision.reviseAll(interleaved(0, HISTORY.size()), documents);
        // a redelivered batch, or the events a rebuild hand-over applies a second time
        twoStage.applyAllFirstStage(interleaved(SPLIT, HISTORY.size()), documents);
        twoStage.applyAllFirstStage(interleaved(0, HISTORY.size()), documents);
        assertThat(documents.snapshot()).isEqualTo(singleStage().snapshot());
    }

    @Test
    void aFollowUpNotProjectedYetWaitsAndTheFirstVerdictShowsItsDetector() {
        InMemoryDocuments documents = new InMemoryDocuments();
        List<List<Projector.TenantEvent>> batches = batches();
        twoStage.applyAllFirstStage(batches.get(0), documents);
        FollowUpRevision.Outcome early = revision.reviseAll(batches.get(1), documents);
        assertThat(early.waiting()).as("follow-ups of the unprojected batch").hasSize(3 * TENANTS.size());
        assertThat(early.revised()).isZero();

        twoStage.applyAllFirstStage(batches.get(1), documents);
        ResponseDocument pending = documents.response("acme", C, "r4");
        assertThat(pending.followUp.detector).isEqualTo("flr-lexical");
        assertThat(pending.followUp.kind).isEqualTo("positive");
        assertThat(documents.response("acme", C, "r1").revisedBySignals).as("first-stage hindsight of p4")
                .containsExactly("acme:c1:r1:hindsight:p4");

        revision.reviseAll(batches.get(0), documents);
        revision.reviseAll(batches.get(1), documents);
        ResponseDocument revised = documents.response("acme", C, "r4");
        assertThat(revised.followUp.detector).isEqualTo(contrarian.name());
        assertThat(revised.followUp.kind).isEqualTo("negative");
        assertThat(documents.response("acme", C, "r1").revisedBySignals).as("final hindsight of p6 only")
                .containsExactly("acme:c1:r1:hindsight:p6");
        assertThat(documents.snapshot()).isEqualTo(singleStage().snapshot());
    }

    @Test
    void aFollowUpOfAnUnprojectedResponseIsSkippedAndAHalfVisibleBatchWaits() {
        InMemoryDocuments documents = new InMemoryDocuments();
        List<Projector.TenantEvent> first = batches().get(0);
        twoStage.applyAllFirstStage(first, documents);
        List<Projector.TenantEvent> orphan = List.of(new Projector.TenantEvent("acme",
                prompt("p9", 18, "t9", "Thanks!", "r9")));
        twoStage.applyAllFirstStage(orphan, documents);
        FollowUpRevision.Outcome skipped = revision.reviseAll(orphan, documents);
        assertThat(skipped.waiting()).as("the live projection skipped it: r9 was never projected").isEmpty();
        assertThat(skipped.revised()).isZero();

        // the conversation of a batch is visible, the response it also wrote is not yet (bulk requests are not atomic)
        ResponseDocument r1 = documents.response("acme", C, "r1");
        r1.signals.removeIf(signal -> signal.signalId.endsWith(":follow_up:p2"));
        documents.put(r1);
        FollowUpRevision.Outcome halfVisible = revision.reviseAll(first, documents);
        assertThat(halfVisible.waiting()).extracting(e -> e.event().eventId()).containsExactly("p2");
    }

    private InMemoryDocuments singleStage() {
        InMemoryDocuments documents = new InMemoryDocuments();
        batches().forEach(batch -> singleStage.applyAll(batch, documents));
        return documents;
    }

    private static List<List<Projector.TenantEvent>> batches() {
        return List.of(interleaved(0, SPLIT), interleaved(SPLIT, HISTORY.size()));
    }

    private static List<Projector.TenantEvent> interleaved(int from, int to) {
        List<Projector.TenantEvent> events = new ArrayList<>();
        for (FeedbackEvent event : HISTORY.subList(from, to)) {
            TENANTS.forEach(tenant -> events.add(new Projector.TenantEvent(tenant, event)));
        }
        return events;
    }
}
