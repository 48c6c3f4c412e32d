package dev.ufp.mining.pairs;

import dev.ufp.mining.Candidates;
import dev.ufp.mining.candidates.CandidateResponse;
import dev.ufp.mining.dataset.PreferencePair;
import dev.ufp.mining.dataset.Turn;
import dev.ufp.mining.dataset.UnpairedLabel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PairMinerTest {

    private final PairMiner miner = new PairMiner(MiningRules.defaults());

    @Test
    void pairsResponsesToTheSamePromptWithTheHigherScoreChosen() {
        MinedSet set = miner.mine(List.of(
                Candidates.of("c1", "r1", "How do I sort a list?", "Use sorted().", 1.0, 1),
                Candidates.of("c1", "r2", "How do I sort a list?", List.of(), "No idea.", -0.6, 1, "r1"),
                Candidates.of("c2", "r1", "  how do I SORT a list? ", "Call list.sort().", 0.5, 1),
                Candidates.of("c3", "r1", "What is Java?", "A language.", 1.0, 1)));

        assertThat(set.pairs()).hasSize(3);
        PreferencePair regeneration = pair(set, "c1", "r1", "c1", "r2");
        assertThat(regeneration.origin()).isEqualTo("regeneration");
        assertThat(regeneration.margin()).isEqualTo(1.6);
        assertThat(regeneration.sourceEventIds()).containsExactly("c1-r1-e0", "c1-r2-e0");
        assertThat(pair(set, "c2", "r1", "c1", "r2").origin()).isEqualTo("same-prompt");
        assertThat(pair(set, "c1", "r1", "c2", "r1").margin()).isEqualTo(0.5);
        assertThat(set.pairs()).allSatisfy(p -> assertThat(p.pair().chosen().score())
                .isGreaterThan(p.pair().rejected().score()));
    }

    @Test
    void responsesInDifferentContextsAreNotCompared() {
        MinedSet set = miner.mine(List.of(
                Candidates.of("c1", "r1", "And in Python?", List.of(new Turn("user", "Sort in Java?")), "x", 1, 1, null),
                Candidates.of("c2", "r1", "And in Python?", List.of(new Turn("user", "Sort in Go?")), "y", -1, 1, null)));

        assertThat(set.pairs()).isEmpty();
    }

    @Test
    void needsEvidenceOnBothSidesAndADifference() {
        MinedSet set = miner.mine(List.of(
                Candidates.of("c1", "r1", "p", "a", 1.0, 1),
                Candidates.of("c1", "r2", "p", "b", 0.0, 0),
                Candidates.of("c1", "r3", "p", "c", 1.0, 2)));

        assertThat(set.pairs()).isEmpty();
    }

    @Test
    void strengthGrowsWithMarginAndEvidence() {
        MinedSet set = miner.mine(List.of(
                Candidates.of("c1", "r1", "p", "a", 1.0, 1), Candidates.of("c1", "r2", "p", "b", 0.8, 1),
                Candidates.of("c2", "r1", "q", "a", 1.0, 1), Candidates.of("c2", "r2", "q", "b", -1.0, 1),
                Candidates.of("c3", "r1", "s", "a", 1.0, 3), Candidates.of("c3", "r2", "s", "b", -1.0, 3)));

        double small = pair(set, "c1", "r1", "c1", "r2").strength();
        double large = pair(set, "c2", "r1", "c2", "r2").strength();
        double wellEvidenced = pair(set, "c3", "r1", "c3", "r2").strength();
        assertThat(small).isLessThan(large);
        assertThat(large).isLessThan(wellEvidenced);
        assertThat(wellEvidenced).isLessThanOrEqualTo(1.0);
    }

    @Test
    void keepsTheLargestMarginsOfAPopularPrompt() {
        List<CandidateResponse> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(Candidates.of("c" + i, "r1", "popular", "text " + i, i / 10.0, 1));
        }
        MinedSet set = new PairMiner(new MiningRules(1, 10, 0.8, 0.5, 0.1)).mine(many);

        assertThat(set.pairs()).hasSize(10);
        assertThat(set.pairs().get(0).pair().margin()).isEqualTo(2.9);
        assertThat(set.pairs()).allSatisfy(p -> assertThat(p.pair().margin()).isGreaterThanOrEqualTo(2.6));
    }

    @Test
    void theBestFirstWalkFindsTheSameMarginsAsComparingEveryPair() {
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            List<CandidateResponse> group = new ArrayList<>();
            int n = 2 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                group.add(Candidates.of("c" + i, "r1", "p", "t" + i, random.nextInt(9) / 4.0, 1));
            }
            int k = 1 + random.nextInt(30);
            List<Double> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double margin = group.get(i).score() - group.get(j).score();
                    if (margin > 0) {
                        expected.add(margin);
                    }
                }
            }
            expected.sort(java.util.Comparator.reverseOrder());
            MinedSet set = new PairMiner(new MiningRules(1, k, 0.8, 0.5, 0.1)).mine(group);

            assertThat(set.pairs()).extracting(p -> p.pair().margin())
                    .containsExactlyElementsOf(expected.subList(0, Math.min(k, expected.size())));
        }
    }

    @Test
    void labelsStrongSingleResponses() {
        MinedSet set = miner.mine(List.of(
                Candidates.of("c1", "r1", "p", "great", 1.7, 2),
                Candidates.of("c2", "r1", "q", "awful", -0.9, 1),
                Candidates.of("c3", "r1", "s", "meh", 0.3, 1)));

        assertThat(set.labels()).extracting(UnpairedLabel::label, l -> l.completion().text())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(true, "great"),
                        org.assertj.core.groups.Tuple.tuple(false, "awful"));
    }

    @Test
    void theSameCandidatesInAnyOrderGiveTheSameSet() {
        List<CandidateResponse> candidates = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            candidates.add(Candidates.of("c" + i, "r" + (i % 3), "prompt " + (i % 5), "text " + i, (i * 7 % 11) / 5.0,
                    1 + i % 2));
        }
        MinedSet first = miner.mine(candidates);
        List<CandidateResponse> shuffled = new ArrayList<>(candidates);
        Collections.shuffle(shuffled, new Random(7));

        assertThat(miner.mine(shuffled)).isEqualTo(first);
        assertThat(first.pairs()).isNotEmpty();
    }

    private static PreferencePair pair(MinedSet set, String chosenConversation, String chosen,
                                       String rejectedConversation, String rejected) {
        return set.pairs().stream().map(MinedPair::pair)
                .filter(p -> p.chosen().conversationId().equals(chosenConversation)
                        && p.chosen().responseId().equals(chosen)
                        && p.rejected().conversationId().equals(rejectedConversation)
                        && p.rejected().responseId().equals(rejected))
                .findFirst().orElseThrow(() -> new AssertionError("no pair " + chosenConversation + "/" + chosen
                        + " > " + rejectedConversation + "/" + rejected + " in " + set.pairs()));
    }
}
