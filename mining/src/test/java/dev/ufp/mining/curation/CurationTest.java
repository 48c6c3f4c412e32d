package dev.ufp.mining.curation;

import dev.ufp.mining.Candidates;
import dev.ufp.mining.candidates.CandidateResponse;
import dev.ufp.mining.dataset.FilterStep;
import dev.ufp.mining.pairs.MinedPair;
import dev.ufp.mining.pairs.MinedSet;
import dev.ufp.mining.pairs.MiningRules;
import dev.ufp.mining.pairs.PairMiner;
import dev.ufp.projections.followup.SentenceEncoder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CurationTest {

    private static final PairMiner MINER = new PairMiner(new MiningRules(1, 1000, 0.8, 0.5, 0.1));

    @Test
    void marginFilterDropsAmbiguousPairs() {
        MinedSet set = MINER.mine(List.of(Candidates.of("c1", "r1", "p", "a", 1.0, 1),
                Candidates.of("c1", "r2", "p", "b", 0.7, 1), Candidates.of("c1", "r3", "p", "c", -0.6, 1)));

        CurationStep.Outcome outcome = new MarginFilter(0.5).apply(set);

        assertThat(outcome.kept().pairs()).extracting(p -> p.pair().margin()).containsExactlyInAnyOrder(1.6, 1.3);
        assertThat(outcome.report()).extracting(FilterStep::in, FilterStep::dropped).containsExactly(3L, 1L);
    }

    @Test
    void perUserCapKeepsTheStrongestPairsOfAnAdversarialUser() {
        List<CandidateResponse> candidates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // one spamming user's conversation: ten regenerations of the same prompt, all with signals
            candidates.add(Candidates.of("spam", "r" + i, "p", "text " + i, i / 5.0, 1));
        }
        candidates.add(Candidates.of("honest", "r1", "q", "good", 1.0, 1));
        candidates.add(Candidates.of("honest", "r2", "q", "bad", -1.0, 1));
        MinedSet set = MINER.mine(candidates);

        CurationStep.Outcome outcome = CapFilter.perUser(3).apply(set);

        assertThat(outcome.kept().pairs()).filteredOn(p -> p.users().contains("user-spam")).hasSize(3);
        assertThat(outcome.kept().pairs()).filteredOn(p -> p.users().contains("user-honest")).hasSize(1);
        double weakestKept = outcome.kept().pairs().stream().filter(p -> p.users().contains("user-spam"))
                .mapToDouble(p -> p.pair().strength()).min().orElseThrow();
        assertThat(set.pairs()).filteredOn(p -> p.users().contains("user-spam"))
                .filteredOn(p -> !outcome.kept().pairs().contains(p))
                .allSatisfy(p -> assertThat(p.pair().strength()).isLessThanOrEqualTo(weakestKept));
        assertThat(outcome.report().dropped()).isEqualTo(set.pairs().size() - 4L);
    }

    @Test
    void usersWhoLoveEverythingOrKeepRetractingDecideNothing() {
        List<CandidateResponse> candidates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // the spammer loves all six responses of their conversation; the honest user loves one of six
            candidates.add(Candidates.of("spam", "r" + i, "p" + i, "a" + i, i == 0 ? -1.0 : 1.0 + i / 10.0, 1));
            candidates.add(Candidates.of("honest", "r" + i, "p" + i, "b" + i, i == 0 ? 1.0 : -1.0, 1));
        }
        MinedSet set = MINER.mine(candidates.stream().map(c -> c.userId().equals("user-spam")
                ? withLove(c, true) : withLove(c, c.responseId().equals("r0"))).toList());

        CurationStep.Outcome outcome = new UserReliabilityFilter(5, 0.8, 3).apply(set);

        assertThat(set.pairs()).hasSize(6);
        assertThat(outcome.kept().pairs()).isEmpty();
        assertThat(outcome.kept().labels()).allSatisfy(l -> assertThat(l.completion().conversationId())
                .isEqualTo("honest"));
        assertThat(outcome.report().details()).containsEntry("reactionSpammers", 1).containsEntry("flipFloppers", 0);
        assertThat(new UserReliabilityFilter(7, 0.8, 3).apply(set).kept().pairs())
                .as("too few responses seen to judge").hasSize(6);
    }

    @Test
    void perConversationCapCountsBothSides() {
        MinedSet set = MINER.mine(List.of(Candidates.of("c1", "r1", "p", "a", 1.0, 1),
                Candidates.of("c2", "r1", "p", "b", 0.0, 1), Candidates.of("c3", "r1", "p", "c", -1.0, 1),
                Candidates.of("c4", "r1", "q", "d", 1.0, 1), Candidates.of("c4", "r2", "q", "e", -1.0, 1)));

        MinedSet kept = CapFilter.perConversation(1).apply(set).kept();

        assertThat(kept.pairs()).extracting(p -> p.pair().chosen().text() + ">" + p.pair().rejected().text())
                .containsExactlyInAnyOrder("a>c", "d>e");
    }

    @Test
    void nearDuplicatesAreDroppedByEmbeddingSimilarity() {
        SentenceEncoder encoder = texts -> texts.stream().map(CurationTest::vector).toArray(float[][]::new);
        MinedSet set = MINER.mine(List.of(
                Candidates.of("c1", "r1", "p", "Sort it with sorted().", 1.0, 1),
                Candidates.of("c1", "r2", "p", "sort it with sorted()!", -1.0, 1),   // same as r1 → no information
                Candidates.of("c2", "r1", "q", "Use a map.", 1.0, 1),
                Candidates.of("c2", "r2", "q", "I don't know.", -1.0, 1),
                Candidates.of("c3", "r1", "q", "use a map", 0.9, 1),                  // repeats c2's pair
                Candidates.of("c3", "r2", "q", "i don't know", -0.9, 1)));

        CurationStep.Outcome outcome = new NearDuplicateFilter(encoder, 0.97, Progress.NONE).apply(set);

        assertThat(outcome.kept().pairs()).extracting(p -> p.pair().chosen().text() + " > " + p.pair().rejected().text())
                .containsExactly("Use a map. > I don't know.");
        // p: r1≈r2; q: c2/r1≈c3/r1 and c2/r2≈c3/r2 are pairs too, and three pairs of q repeat c2's
        assertThat(outcome.report().details()).containsEntry("nearIdenticalSides", 3)
                .containsEntry("repeatsOfStrongerPair", 3);
    }

    @Test
    void lengthBiasIsMeasuredAndOptionallyBalanced() {
        List<CandidateResponse> candidates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            candidates.add(Candidates.of("c" + i, "r1", "p" + i, "a long and detailed answer " + i, 1.0 + i / 100.0, 1));
            candidates.add(Candidates.of("c" + i, "r2", "p" + i, "short " + i, -1.0, 1));
        }
        candidates.add(Candidates.of("d", "r1", "x", "ok", 1.0, 1));
        candidates.add(Candidates.of("d", "r2", "x", "a long rambling wrong answer", -1.0, 1));
        MinedSet set = MINER.mine(candidates);

        CurationStep.Outcome measured = new LengthBiasGuard(false, 0.05).apply(set);
        CurationStep.Outcome balanced = new LengthBiasGuard(true, 0.05).apply(set);

        assertThat(measured.kept().pairs()).hasSize(9);
        @SuppressWarnings("unchecked")
        Map<String, Object> before = (Map<String, Object>) measured.report().details().get("before");
        assertThat((double) before.get("chosenLongerShare")).isEqualTo(0.8889);
        assertThat((double) before.get("meanLengthRatio")).isGreaterThan(2.0);
        assertThat(balanced.kept().pairs()).hasSize(2);
        assertThat(LengthBiasGuard.measure(balanced.kept().pairs())).containsEntry("chosenLongerShare", 0.5);
    }

    @Test
    void noiseFilterDropsPairsTheWholeEnsembleContradicts() {
        MinedSet set = MINER.mine(List.of(Candidates.of("c1", "r1", "p", "a", 1.0, 1),
                Candidates.of("c1", "r2", "p", "b", -1.0, 1), Candidates.of("c2", "r1", "q", "c", 1.0, 1),
                Candidates.of("c2", "r2", "q", "d", -1.0, 1), Candidates.of("c3", "r1", "s", "e", 1.0, 1),
                Candidates.of("c3", "r2", "s", "f", -1.0, 1)));
        PairJudge judge = (tenant, pairs) -> Optional.of(new PairJudge.Judgement("rm_1", pairs.stream()
                .map(p -> switch (p.prompt()) {
                    case "p" -> new double[]{-2, -1.5, -1};    // all heads disagree strongly → noise
                    case "q" -> new double[]{-2, 0.1, -1};     // one head agrees → kept
                    default -> new double[]{-0.1, -0.2, -0.1}; // disagree, but weakly → kept
                }).toArray(double[][]::new)));

        CurationStep.Outcome outcome = new NoiseFilter(judge, "t1", 0.5).apply(set);
        CurationStep.Outcome withoutModel = new NoiseFilter((t, p) -> Optional.empty(), "t1", 0.5).apply(set);

        assertThat(outcome.kept().pairs()).extracting(p -> p.pair().prompt()).containsExactlyInAnyOrder("q", "s");
        assertThat(outcome.report().details()).containsEntry("model", "rm_1");
        assertThat(withoutModel.kept().pairs()).hasSize(3);
        assertThat(withoutModel.report().details()).containsKey("skipped");
    }

    @Test
    void decontaminationDropsPairsAndLabelsWhosePromptIsInTheEvaluationSet() {
        MinedSet set = MINER.mine(List.of(
                Candidates.of("c1", "r1", "What is the capital of France?", "Paris", 1.0, 1),
                Candidates.of("c1", "r2", "What is the capital of France?", "Rome", -1.0, 1),
                Candidates.of("c2", "r1", "Please explain step by step how a hash map resolves collisions in Java",
                        "chaining", 1.0, 1),
                Candidates.of("c2", "r2", "Please explain step by step how a hash map resolves collisions in Java",
                        "magic", -1.0, 1),
                Candidates.of("c3", "r1", "Tell me a joke", "knock knock", 1.0, 1),
                Candidates.of("c3", "r2", "Tell me a joke", "no", -1.0, 1)));
        Decontamination step = new Decontamination(List.of("what is the capital of  FRANCE?",
                "Could you explain step by step how a hash map resolves collisions in Java 17?"));

        CurationStep.Outcome outcome = step.apply(set);

        assertThat(outcome.kept().pairs()).extracting(p -> p.pair().prompt()).containsExactly("Tell me a joke");
        assertThat(outcome.kept().labels()).extracting(l -> l.prompt()).containsOnly("Tell me a joke");
        assertThat(outcome.report().details()).containsEntry("labelsDropped", 4);
    }

    private static CandidateResponse withLove(CandidateResponse c, boolean loved) {
        return new CandidateResponse(c.tenant(), c.conversationId(), c.responseId(), c.turnId(), c.userId(),
                c.prompt(), c.context(), c.text(), c.model(), c.modelVersion(), c.variant(), c.regenerates(),
                c.promptAt(), c.respondedAt(), c.score(), c.evidence(), loved, c.reactionCounts(), c.signalUsers(),
                c.sourceEventIds(), c.detectors(), c.retractedReactions());
    }

    /** A toy sentence vector: letters a–z counted, unit length. */
    private static float[] vector(String text) {
        float[] v = new float[26];
        for (char c : text.toLowerCase().toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                v[c - 'a']++;
            }
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

}
