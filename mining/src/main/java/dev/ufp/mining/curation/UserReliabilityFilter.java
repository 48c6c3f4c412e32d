package dev.ufp.mining.curation;

import dev.ufp.mining.dataset.FilterStep;
import dev.ufp.mining.dataset.UnpairedLabel;
import dev.ufp.mining.pairs.MinedPair;
import dev.ufp.mining.pairs.MinedSet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Adversarial users (RLUF: feedback is "sometimes adversarial"): a user who loves nearly everything they are shown
 * (reaction spam) or keeps adding and removing reactions (flip-flopping) gives reactions that say nothing about the
 * response. Users with at least {@code minSeen} responses whose love rate reaches {@code maxLoveRate}, or with at
 * least {@code maxRetractions} retracted reactions, are unreliable: the pairs they decided and the labels of their
 * conversations' responses are dropped. Honest users react sparsely, so their love rate stays far below.
 */
public final class UserReliabilityFilter implements CurationStep {

    private final int minSeen;
    private final double maxLoveRate;
    private final int maxRetractions;

    public UserReliabilityFilter(int minSeen, double maxLoveRate, int maxRetractions) {
        this.minSeen = minSeen;
        this.maxLoveRate = maxLoveRate;
        this.maxRetractions = maxRetractions;
    }

    @Override
    public String name() {
        return "user-reliability";
    }

    @Override
    public String version() {
        return "v1";
    }

    /** The platform's defaults: at least 5 responses seen, love rate 0.8, 3 retractions. */
    public static UserReliabilityFilter defaults() {
        return new UserReliabilityFilter(5, 0.8, 3);
    }

    /** The users whose reactions say nothing about the responses: spammers and flip-floppers. */
    public Set<String> unreliable(Map<String, MinedSet.UserActivity> users) {
        Set<String> unreliable = new TreeSet<>(spammers(users));
        unreliable.addAll(flipFloppers(users));
        return unreliable;
    }

    private Set<String> spammers(Map<String, MinedSet.UserActivity> users) {
        Set<String> out = new TreeSet<>();
        users.forEach((user, a) -> {
            if (a.seen() >= minSeen && a.loveRate() >= maxLoveRate) {
                out.add(user);
            }
        });
        return out;
    }

    private Set<String> flipFloppers(Map<String, MinedSet.UserActivity> users) {
        Set<String> out = new TreeSet<>();
        users.forEach((user, a) -> {
            if (a.retracted() >= maxRetractions) {
                out.add(user);
            }
        });
        return out;
    }

    @Override
    public Outcome apply(MinedSet set) {
        Set<String> spammers = spammers(set.users());
        Set<String> flipFloppers = flipFloppers(set.users());
        Set<String> unreliable = unreliable(set.users());
        List<MinedPair> pairs = set.pairs().stream()
                .filter(p -> p.users().stream().noneMatch(unreliable::contains)).toList();
        List<UnpairedLabel> labels = set.labels().stream().filter(l -> !unreliable.contains(
                set.conversationOwners().get(l.completion().conversationId()))).toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("minSeen", minSeen);
        details.put("maxLoveRate", maxLoveRate);
        details.put("maxRetractions", maxRetractions);
        details.put("usersSeen", set.users().size());
        details.put("reactionSpammers", spammers.size());
        details.put("flipFloppers", flipFloppers.size());
        details.put("labelsDropped", set.labels().size() - labels.size());
        return new Outcome(set.with(pairs, labels), new FilterStep(name(), version(), set.pairs().size(),
                set.pairs().size() - pairs.size(), details));
    }
}
