package dev.ufp.infra.simulator;

import java.util.Random;

/**
 * What a user types after a response, in the spirit of Follow-up Likelihood as Reward: positive and negative
 * follow-ups over understanding, relevance, correctness, instruction-following…; neutral continuations;
 * rephrasings of the previous prompt; late hindsight complaints about an earlier answer.
 */
final class FollowUps {

    enum Family { POSITIVE, NEGATIVE, NEUTRAL, REPHRASE }

    private static final String[] POSITIVE = {
            "That's exactly what I needed, thanks!", "Perfect, that worked.", "Great, that's what I was asking for.",
            "Thanks, that makes sense now.", "Awesome, clear and helpful.", "You understood me perfectly, thank you.",
            "That fixed it, much appreciated.", "Wonderful, this is really useful.",
    };
    private static final String[] NEGATIVE = {
            "That's not what I asked.", "No, that's wrong.", "You didn't follow my instructions.",
            "That doesn't answer my question.", "This is not helpful at all.", "That's not what I was asking about.",
            "You misunderstood me.", "That makes no sense.",
    };
    private static final String[] NEUTRAL = {
            "Ok. And what about the %s?", "What if I also need the %s?", "How does the %s fit in?",
            "Can you tell me more about the %s?", "Ok, next question: does the %s matter?",
    };
    private static final String[] REPHRASE = {
            "Let me rephrase: %s", "I mean, %s", "What I'm asking is: %s", "Again: %s",
    };
    private static final String[] HINDSIGHT = {
            "That didn't work, the steps you gave earlier fail.", "The code you gave earlier fails.",
            "I tried your first answer and it didn't work.", "Your earlier suggestion turned out to be wrong.",
    };

    private FollowUps() {
    }

    /** The family of the follow-up to a response of quality q. */
    static Family family(double quality, Random random) {
        double u = random.nextDouble();
        double positive = 0.75 * quality * quality;
        double negative = 0.6 * (1 - quality) * (1 - quality);
        double rephrase = 0.2 * (1 - quality);
        if (u < positive) {
            return Family.POSITIVE;
        }
        if (u < positive + negative) {
            return Family.NEGATIVE;
        }
        return u < positive + negative + rephrase ? Family.REPHRASE : Family.NEUTRAL;
    }

    static String text(Family family, PromptPool.Prompt previous, Random random) {
        String[] terms = previous.task().terms();
        return switch (family) {
            case POSITIVE -> pick(random, POSITIVE);
            case NEGATIVE -> pick(random, NEGATIVE);
            case NEUTRAL -> String.format(pick(random, NEUTRAL), terms[random.nextInt(terms.length)]);
            case REPHRASE -> String.format(pick(random, REPHRASE), "how do I " + previous.task().phrase()
                    + " in " + previous.task().domain() + "?");
        };
    }

    static String hindsight(Random random) {
        return pick(random, HINDSIGHT);
    }

    private static String pick(Random random, String[] options) {
        return options[random.nextInt(options.length)];
    }
}
