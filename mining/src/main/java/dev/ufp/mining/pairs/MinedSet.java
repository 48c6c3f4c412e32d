package dev.ufp.mining.pairs;

import dev.ufp.mining.dataset.UnpairedLabel;

import dev.ufp.mining.candidates.CandidateResponse;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one mining pass produced before curation: every pair whose sides' scores differ, the unpaired labels, the
 * detector versions behind the signals that were read, and what each conversation owner did (for the
 * user-reliability step) with the owner of each conversation.
 */
public record MinedSet(long candidates, List<MinedPair> pairs, List<UnpairedLabel> labels,
                       Map<String, String> detectors, Map<String, UserActivity> users,
                       Map<String, String> conversationOwners) {

    public MinedSet {
        pairs = List.copyOf(pairs);
        labels = List.copyOf(labels);
        detectors = Map.copyOf(detectors);
        users = Map.copyOf(users);
        conversationOwners = Map.copyOf(conversationOwners);
    }

    public MinedSet with(List<MinedPair> newPairs, List<UnpairedLabel> newLabels) {
        return new MinedSet(candidates, newPairs, newLabels, detectors, users, conversationOwners);
    }

    /**
     * What one user did across the responses of their own conversations.
     *
     * @param seen      responses in the user's conversations
     * @param loved     of those, how many the user loved
     * @param retracted reactions the user added and later removed or flipped
     */
    public record UserActivity(int seen, int loved, int retracted) {

        /** What each conversation owner did across these candidates. */
        public static Map<String, UserActivity> byUser(List<CandidateResponse> candidates) {
            Map<String, UserActivity> users = new TreeMap<>();
            count(users, candidates);
            return users;
        }

        /** Adds what the conversation owners did across these candidates to {@code users}, e.g. page by page. */
        public static void count(Map<String, UserActivity> users, List<CandidateResponse> candidates) {
            for (CandidateResponse c : candidates) {
                if (c.userId() != null) {
                    users.merge(c.userId(), new UserActivity(1, c.loved() ? 1 : 0, c.retractedReactions()),
                            (a, b) -> a.plus(b.loved() > 0, b.retracted()));
                }
            }
        }

        UserActivity plus(boolean wasLoved, int retractions) {
            return new UserActivity(seen + 1, loved + (wasLoved ? 1 : 0), retracted + retractions);
        }

        public double loveRate() {
            return seen == 0 ? 0 : (double) loved / seen;
        }
    }
}
