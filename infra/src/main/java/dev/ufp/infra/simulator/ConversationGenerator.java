package dev.ufp.infra.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ufp.infra.client.EventFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates one conversation: prompts from the pool, responses of one model variant (latent quality, style, text),
 * the user's reactions (the reaction model), regenerations after bad answers, follow-ups whose family depends on
 * the quality, late hindsight complaints, copies and shares, and a close or an abandonment.
 */
final class ConversationGenerator {

    private static final int MAX_TURNS = 4;
    private static final int MAX_RESPONSES_PER_TURN = 3;
    private static final double CONTINUE = 0.55;

    private final PromptPool pool;

    ConversationGenerator(PromptPool pool) {
        this.pool = pool;
    }

    /** The events in true order, the ids of events whose order matters, and the truth of each response. */
    record Generated(List<ObjectNode> events, Set<String> orderedEventIds, List<GroundTruth.ResponseTruth> responses) {
    }

    Generated generate(String tenant, String conversationId, SimUser user, ModelVariant variant, Instant start,
                       Random random) {
        Builder b = new Builder(tenant, conversationId, user, variant, start, random);
        b.events.add(EventFactory.started(b.id("start"), conversationId, b.tick(), user.id())
                .put("app", "chat-web").put("locale", "en")
                .set("attributes", EventFactory.object().put("plan", user.plan()).put("region", user.region())));
        PromptPool.Prompt prompt = pool.draw(random);
        String text = prompt.text();
        String follows = null;
        String lowQualityEarlier = null;
        for (int turn = 0; turn < MAX_TURNS; turn++) {
            String turnId = "t" + turn;
            b.events.add(EventFactory.prompt(b.id("p" + turn), conversationId, b.tick(), turnId, text, follows));
            double quality = 0;
            String responseId = null;
            for (int attempt = 0; attempt < MAX_RESPONSES_PER_TURN; attempt++) {
                String replaced = responseId;
                responseId = "r" + turn + (char) ('a' + attempt);
                if (replaced != null && random.nextBoolean()) {
                    b.events.add(EventFactory.interaction(b.id("regen-" + replaced), "RegenerateRequested",
                            conversationId, b.tick(), replaced, user.id()));
                }
                quality = b.respond(prompt, text, turnId, responseId, replaced);
                if (random.nextDouble() >= 0.55 * Math.pow(1 - quality, 1.5)) {
                    break;
                }
            }
            if (random.nextDouble() < 0.3 * quality * quality) {
                b.events.add(EventFactory.interaction(b.id("copy-" + responseId), "ResponseCopied", conversationId,
                        b.tick(), responseId, user.id()));
            }
            if (random.nextDouble() < 0.08 * quality * quality) {
                b.events.add(EventFactory.interaction(b.id("share-" + responseId), "ResponseShared", conversationId,
                        b.tick(), responseId, user.id()));
            }
            boolean hindsightDue = lowQualityEarlier != null && random.nextDouble() < 0.5;
            if (turn + 1 == MAX_TURNS || (!hindsightDue && random.nextDouble() >= CONTINUE)) {
                break;
            }
            if (hindsightDue) {
                text = FollowUps.hindsight(random);
                lowQualityEarlier = null;
            } else {
                text = FollowUps.text(FollowUps.family(quality, random), prompt, random);
                if (quality < 0.35) {
                    lowQualityEarlier = responseId;
                }
            }
            follows = responseId;
        }
        if (random.nextDouble() < 0.6) {
            b.events.add(EventFactory.event(b.id("close"), "ConversationClosed", conversationId, b.tick())
                    .put("reason", "user-closed"));
        }
        return new Generated(b.events, b.ordered, b.truth);
    }

    /** The state of the conversation being written. */
    private final class Builder {
        final List<ObjectNode> events = new ArrayList<>();
        final Set<String> ordered = new HashSet<>();
        final List<GroundTruth.ResponseTruth> truth = new ArrayList<>();
        final String tenant;
        final String conversationId;
        final SimUser user;
        final ModelVariant variant;
        final Random random;
        Instant now;

        Builder(String tenant, String conversationId, SimUser user, ModelVariant variant, Instant start,
                Random random) {
            this.tenant = tenant;
            this.conversationId = conversationId;
            this.user = user;
            this.variant = variant;
            this.random = random;
            this.now = start;
        }

        String id(String suffix) {
            return conversationId + ":" + suffix;
        }

        Instant tick() {
            now = now.plusMillis(2_000 + random.nextInt(28_000));
            return now;
        }

        /** Writes one response and the user's reaction to it; answers the quality of what was written. */
        double respond(PromptPool.Prompt prompt, String promptText, String turnId, String responseId,
                       String regenerates) {
            Style style = drawStyle();
            double intended = ResponseComposer.clamp(variant.meanQuality() + random.nextGaussian() * 0.2);
            ResponseComposer.Composed composed = ResponseComposer.compose(prompt, intended, style, pool, random);
            String text = composed.text();
            double quality = composed.quality();
            ObjectNode response = EventFactory.response(id("resp-" + responseId), conversationId, tick(), responseId,
                    turnId, text, variant.model()).put("modelVersion", variant.version())
                    .put("variant", variant.variant());
            if (regenerates != null) {
                response.put("regenerates", regenerates);
            }
            response.put("latencyMs", 200 + random.nextInt(1500)).put("promptTokens", 12 + promptText.length() / 4)
                    .put("completionTokens", 1 + text.length() / 4);
            events.add(response);
            double pLove = ReactionModel.pLove(quality, user.styleFit(style), user.behaviour());
            boolean loved = random.nextDouble() < pLove;
            react(responseId, quality, loved);
            truth.add(new GroundTruth.ResponseTruth(tenant, conversationId, responseId, turnId, promptText,
                    round(quality), style.key(), pLove, loved, user.adversarial(), variant.variant(), null));
            return quality;
        }

        private void react(String responseId, double quality, boolean loved) {
            if (user.behaviour() == SimUser.Behaviour.FLIP_FLOPPER && random.nextDouble() < 0.6) {
                reaction("love1-", "ReactionAdded", responseId, "LOVE", true);
                reaction("unlove1-", "ReactionRemoved", responseId, "LOVE", true);
                if (random.nextBoolean()) {
                    reaction("down-", "ReactionAdded", responseId, "THUMBS_DOWN", true);
                    reaction("undown-", "ReactionRemoved", responseId, "THUMBS_DOWN", true);
                }
                if (loved) {
                    reaction("love2-", "ReactionAdded", responseId, "LOVE", true);
                }
                return;
            }
            if (loved) {
                reaction("love-", "ReactionAdded", responseId, "LOVE", false);
            } else if (user.behaviour() != SimUser.Behaviour.SPAMMER) {
                double u = random.nextDouble();
                if (u < ReactionModel.pThumbsDown(quality)) {
                    reaction("down-", "ReactionAdded", responseId, "THUMBS_DOWN", false);
                } else if (u < ReactionModel.pThumbsDown(quality) + ReactionModel.pThumbsUp(quality)) {
                    reaction("up-", "ReactionAdded", responseId, "THUMBS_UP", false);
                }
            }
        }

        private void reaction(String prefix, String type, String responseId, String kind, boolean ordered) {
            String eventId = id(prefix + responseId);
            events.add(EventFactory.reaction(eventId, type, conversationId, tick(), responseId, user.id(), kind));
            if (ordered) {
                this.ordered.add(eventId);
            }
        }

        private Style drawStyle() {
            double u = random.nextDouble();
            double[] weights = variant.styleWeights();
            for (int s = 0; s < weights.length; s++) {
                u -= weights[s];
                if (u < 0) {
                    return Style.values()[s];
                }
            }
            return Style.CONCISE;
        }
    }

    static double round(double x) {
        return Math.round(x * 1e6) / 1e6;
    }
}
