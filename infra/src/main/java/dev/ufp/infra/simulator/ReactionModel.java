package dev.ufp.infra.simulator;

/**
 * The true chance of a Love reaction: {@code sigmoid(a·(q − 0.5)·k + b·styleFit + c)} for an honest user.
 * A reaction spammer loves with {@link #SPAMMER_LOVE}. The value is the Bayes-optimal P[Love] of the response.
 */
final class ReactionModel {

    static final double A = 1.0;
    static final double K = 7.0;
    static final double B = 1.2;
    static final double C = -2.3;
    static final double SPAMMER_LOVE = 0.95;

    private ReactionModel() {
    }

    static double pLove(double quality, double styleFit, SimUser.Behaviour behaviour) {
        if (behaviour == SimUser.Behaviour.SPAMMER) {
            return SPAMMER_LOVE;
        }
        return sigmoid(A * (quality - 0.5) * K + B * styleFit + C);
    }

    /** Thumbs down (for a response not loved): likelier the worse it is. */
    static double pThumbsDown(double quality) {
        return 0.35 * (1 - quality) * (1 - quality);
    }

    /** Thumbs up (for a response not loved). */
    static double pThumbsUp(double quality) {
        return 0.10 * quality * quality;
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
