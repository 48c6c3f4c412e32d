package dev.ufp.infra.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded, deterministic simulation: the same options give byte-identical events and ground truth. The world
 * (users, their latent preferences) comes from the seed; each conversation from its own generator seeded by
 * (seed, index), so it does not depend on any other conversation.
 */
public final class Simulation {

    private static final String[] PLANS = {"free", "free", "free", "pro"};
    private static final String[] REGIONS = {"eu", "us", "us", "apac"};

    private final SimulatorOptions options;
    private final PromptPool pool = new PromptPool();
    private final ConversationGenerator generator = new ConversationGenerator(pool);
    private final Map<String, List<SimUser>> users = new LinkedHashMap<>();
    private final List<String> tenants;

    public Simulation(SimulatorOptions options) {
        this.options = options;
        this.tenants = options.tenantNames();
        Random world = new Random(options.seed());
        int perTenant = Math.max(10, options.conversations() / (4 * tenants.size()));
        for (String tenant : tenants) {
            List<SimUser> list = new ArrayList<>();
            for (int i = 0; i < perTenant; i++) {
                list.add(user(tenant + "-user-" + i, world));
            }
            users.put(tenant, list);
        }
    }

    private SimUser user(String id, Random world) {
        String plan = PLANS[world.nextInt(PLANS.length)];
        double[] preferences = new double[Style.values().length];
        for (int s = 0; s < preferences.length; s++) {
            preferences[s] = Math.max(-1, Math.min(1, world.nextGaussian() * 0.6));
        }
        if (plan.equals("pro")) {
            preferences[Style.DETAILED.ordinal()] = Math.min(1, preferences[Style.DETAILED.ordinal()] + 0.4);
        }
        double u = world.nextDouble();
        SimUser.Behaviour behaviour = u < options.adversarial() / 2 ? SimUser.Behaviour.SPAMMER
                : u < options.adversarial() ? SimUser.Behaviour.FLIP_FLOPPER : SimUser.Behaviour.HONEST;
        return new SimUser(id, plan, REGIONS[world.nextInt(REGIONS.length)], preferences, behaviour);
    }

    public SimulatorOptions options() {
        return options;
    }

    public List<String> tenants() {
        return tenants;
    }

    /** Conversation {@code n} (0-based), events in delivery order. */
    public SimulatedConversation conversation(int n) {
        Random random = new Random(options.seed() * 1_000_003L + n);
        String tenant = tenants.get(n % tenants.size());
        List<SimUser> pool = users.get(tenant);
        SimUser user = pool.get(random.nextInt(pool.size()));
        ModelVariant variant = ModelVariant.ALL[random.nextInt(ModelVariant.ALL.length)];
        String conversationId = "sim-" + options.seed() + "-" + n;
        ConversationGenerator.Generated generated = generator.generate(tenant, conversationId, user, variant,
                options.start().plusSeconds(n * 20L + random.nextInt(20)), random);
        Random faults = new Random(options.seed() * 7_919L + n * 31L + 17);
        DeliveryFaults.Delivery delivery = DeliveryFaults.apply(generated.events(), generated.orderedEventIds(),
                options.outOfOrder(), options.duplicates(), faults);
        return new SimulatedConversation(tenant, conversationId, delivery.first(), delivery.later(),
                delivery.first().size() + delivery.later().size() - generated.events().size(), generated.responses());
    }

    /** Every conversation. */
    public List<SimulatedConversation> conversations() {
        List<SimulatedConversation> all = new ArrayList<>(options.conversations());
        for (int n = 0; n < options.conversations(); n++) {
            all.add(conversation(n));
        }
        return all;
    }

    /** The ground truth of these conversations: a line per response, then the pairs. */
    public List<GroundTruth.Line> truth(List<SimulatedConversation> conversations) {
        List<GroundTruth.ResponseTruth> responses = conversations.stream()
                .flatMap(c -> c.responses().stream()).toList();
        List<GroundTruth.Line> lines = new ArrayList<>(responses);
        lines.addAll(TruthPairs.of(responses, options.seed()));
        return lines;
    }
}
