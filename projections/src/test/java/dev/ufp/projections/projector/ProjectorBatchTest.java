package dev.ufp.projections.projector;

import dev.ufp.ingestion.contract.FeedbackEvent;
import dev.ufp.ingestion.contract.Reaction;
import dev.ufp.projections.followup.FollowUpClassifier;
import dev.ufp.projections.followup.FollowUpVerdict;
import dev.ufp.projections.followup.LexicalFollowUpClassifier;
import dev.ufp.projections.signals.SignalProperties;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.ufp.projections.projector.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Projector#applyAll}: a batch reads its documents in one prefetch (no per-document read) and classifies
 * its follow-ups in one {@code classifyAll} call, and leaves the same documents as applying event by event.
 */
class ProjectorBatchTest {

    private static final List<FeedbackEvent> HISTORY = List.of(started("alice"),
            prompt("p1", 1, "t1", "Parse dates?", null), response("g1", 2, "r1", "t1", "Use strptime."),
            react("e1", 3, "r1", "alice", Reaction.THUMBS_UP), prompt("p2", 6, "t2", "Great, now plot it", "r1"),
            response("g2", 7, "r2", "t2", "plt.plot()"), regenerate("e4", 8, "r2", "alice"),
            // second batch: follows and revises responses projected by the first
            regenerated("g3", 9, "r3", "t2", "import matplotlib", "r2"), prompt("p3", 10, "t3", "Thanks!", "r3"),
            response("g4", 11, "r4", "t3", "You are welcome."), copied("e3", 12, "r1", "bob"),
            unreact("e6", 13, "r1", "alice", Reaction.THUMBS_UP),
            prompt("p4", 14, "t4", "Wrong, and your first answer didn't work either", "r4"),
            prompt("p5", 15, "t5", "no, that is not what I asked", "r3"), closed("e9", 20));
    private static final List<String> TENANTS = List.of("acme", "beta", "gamma", "delta");
    private static final int SPLIT = 7;

    @Test
    void aBatchReadsItsDocumentsOnceAndClassifiesItsFollowUpsInOneCall() {
        CountingClassifier classifier = new CountingClassifier();
        Projector projector = new Projector(SignalProperties.defaults(), classifier);
        InMemoryDocuments store = new InMemoryDocuments();
        for (List<Projector.TenantEvent> batch : List.of(interleaved(0, SPLIT), interleaved(SPLIT, HISTORY.size()))) {
            CountingDocuments documents = new CountingDocuments(store);
            classifier.reset();
            projector.applyAll(batch, documents);
            assertThat(documents.prefetches()).as("prefetch requests for %d events", batch.size()).isEqualTo(1);
            assertThat(documents.lazyReads()).as("documents read one by one").isZero();
            assertThat(classifier.batchCalls).as("classifyAll calls").isEqualTo(1);
            assertThat(classifier.inputs).as("follow-ups classified").isEqualTo(followUps(batch));
            assertThat(classifier.singleCalls).as("classify calls outside the batch call").isZero();
        }
    }

    @Test
    void batchesGiveTheSameDocumentsAsEventByEvent() {
        Projector projector = new Projector(SignalProperties.defaults(), new LexicalFollowUpClassifier());
        InMemoryDocuments oneByOne = new InMemoryDocuments();
        interleaved(0, HISTORY.size()).forEach(e -> projector.apply(e.tenant(), e.event(), oneByOne));
        InMemoryDocuments batched = new InMemoryDocuments();
        projector.applyAll(interleaved(0, SPLIT), batched);
        projector.applyAll(interleaved(SPLIT, HISTORY.size()), batched);
        assertThat(batched.snapshot()).isEqualTo(oneByOne.snapshot());
        InMemoryDocuments replayed = new InMemoryDocuments();
        projector.applyAll(interleaved(0, HISTORY.size()), replayed);
        projector.applyAll(interleaved(SPLIT, HISTORY.size()), replayed);
        assertThat(replayed.snapshot()).as("a redelivered batch changes nothing").isEqualTo(oneByOne.snapshot());
        assertThat(oneByOne.response("acme", C, "r4").revisesResponses).as("hindsight in the batch").contains("r1");
    }

    /** Events {@code from..to} of the history for every tenant, interleaved as a processor would see them. */
    private static List<Projector.TenantEvent> interleaved(int from, int to) {
        List<Projector.TenantEvent> events = new ArrayList<>();
        for (FeedbackEvent event : HISTORY.subList(from, to)) {
            TENANTS.forEach(tenant -> events.add(new Projector.TenantEvent(tenant, event)));
        }
        return events;
    }

    private static int followUps(List<Projector.TenantEvent> batch) {
        return (int) batch.stream().filter(e -> e.event() instanceof dev.ufp.ingestion.contract.PromptSubmitted p
                && p.followsResponseId() != null).map(e -> e.event()).distinct().count();
    }

    /** Counts calls; verdicts are the lexical classifier's. */
    private static final class CountingClassifier implements FollowUpClassifier {
        private final LexicalFollowUpClassifier lexical = new LexicalFollowUpClassifier();
        int batchCalls;
        int inputs;
        int singleCalls;

        void reset() {
            batchCalls = 0;
            inputs = 0;
            singleCalls = 0;
        }

        @Override
        public FollowUpVerdict classify(String previousPrompt, String response, String followUp) {
            singleCalls++;
            return lexical.classify(previousPrompt, response, followUp);
        }

        @Override
        public List<FollowUpVerdict> classifyAll(List<FollowUpInput> batch) {
            batchCalls++;
            inputs += batch.size();
            return lexical.classifyAll(batch);
        }

        @Override
        public String name() {
            return lexical.name();
        }

        @Override
        public String version() {
            return lexical.version();
        }
    }
}
