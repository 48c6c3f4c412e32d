package dev.ufp.infra.evaluation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ufp.infra.client.BatchSender;
import dev.ufp.infra.simulator.GroundTruth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The naive rule "more (thumbs up − thumbs down) wins" against human rankings of sibling responses: on how many
 * ranked pairs it agrees, disagrees, or ties (does not decide).
 */
public record EmojiRankAgreement(int agree, int disagree, int ties, int missing) {

    /** @param net the net emoji score of a response, or null if it is not known (not projected) */
    public static EmojiRankAgreement of(List<GroundTruth.PairTruth> pairs,
                                        Function<GroundTruth.ResponseRef, Integer> net) {
        int agree = 0;
        int disagree = 0;
        int ties = 0;
        int missing = 0;
        for (GroundTruth.PairTruth pair : pairs) {
            Integer better = net.apply(pair.better());
            Integer worse = net.apply(pair.worse());
            if (better == null || worse == null) {
                missing++;
            } else if (better > worse) {
                agree++;
            } else if (better < worse) {
                disagree++;
            } else {
                ties++;
            }
        }
        return new EmojiRankAgreement(agree, disagree, ties, missing);
    }

    /** Net thumbs (up − down) per response, counted from events as they would be sent. */
    public static Map<GroundTruth.ResponseRef, Integer> netFromEvents(List<BatchSender.Unit> conversations) {
        Map<GroundTruth.ResponseRef, Integer> net = new HashMap<>();
        for (BatchSender.Unit unit : conversations) {
            for (ObjectNode event : unit.events()) {
                String type = event.get("type").asText();
                GroundTruth.ResponseRef ref = new GroundTruth.ResponseRef(unit.conversationId(),
                        event.path("responseId").asText());
                if (type.equals("ResponseGenerated")) {
                    net.putIfAbsent(ref, 0);
                } else if (type.equals("ReactionAdded")) {
                    int sign = switch (event.get("reaction").asText()) {
                        case "THUMBS_UP" -> 1;
                        case "THUMBS_DOWN" -> -1;
                        default -> 0;
                    };
                    net.merge(ref, sign, Integer::sum);
                }
            }
        }
        return net;
    }

    public int decided() {
        return agree + disagree;
    }

    public double agreement() {
        return decided() == 0 ? Double.NaN : (double) agree / decided();
    }
}
