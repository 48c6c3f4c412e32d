package dev.ufp.infra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.infra.client.BatchOutcome;
import dev.ufp.infra.client.EventTransport;
import dev.ufp.infra.client.HttpTransport;
import dev.ufp.infra.client.PlatformClient;
import dev.ufp.infra.client.ProjectionWait;
import dev.ufp.infra.simulator.GroundTruth;
import dev.ufp.infra.simulator.SimulatedConversation;
import dev.ufp.infra.simulator.Simulation;
import dev.ufp.infra.simulator.SimulatorMain;
import dev.ufp.infra.simulator.SimulatorOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The platform's main job: simulated traffic with a known ground truth, posted through the HTTP API of a running
 * platform (as product backends would, with duplicate and out-of-order deliveries), then what the projections
 * derived next to what the simulator knows. Usage: {@code Demo <baseUrl> <adminKey> [conversations] [esUrl]};
 * the ground truth goes to {@code $FEEDBACK_HOME/demo/truth.jsonl}.
 */
public final class Demo {

    static final String TENANT = "sim-demo";
    static final long SEED = 42;
    /** Fresh conversations of the same simulated world, never sent: P[Love] is judged on them. */
    static final int HELD_OUT = 1000;

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String adminKey = args[1];
        int conversations = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        String esUrl = args.length > 3 ? args[3] : "http://127.0.0.1:9200";
        Path home = Path.of(System.getenv().getOrDefault("FEEDBACK_HOME", ".platform"));
        PlatformClient client = new PlatformClient(baseUrl);
        String key = client.issueKey(adminKey, TENANT, List.of("ingest", "analyst"));
        System.out.printf("Issued an ingest+analyst key for tenant '%s'.%n", TENANT);

        SimulatorOptions options = new SimulatorOptions(conversations, SEED, TENANT, 1, 0.05, 0.02, 0.05,
                SimulatorOptions.DEFAULT_START);
        Simulation simulation = new Simulation(options);
        List<SimulatedConversation> simulated = simulation.conversations();
        List<GroundTruth.Line> truth = simulation.truth(simulated);
        Path truthFile = home.resolve("demo").resolve("truth.jsonl");
        GroundTruth.write(truthFile, truth);
        Map<String, Integer> byType = new TreeMap<>();
        simulated.forEach(c -> c.allEvents().stream().map(e -> e.get("eventId").asText() + "\n" + e.get("type").asText())
                .distinct().forEach(id -> byType.merge(id.substring(id.indexOf('\n') + 1), 1, Integer::sum)));
        int copies = simulated.stream().mapToInt(SimulatedConversation::duplicateDeliveries).sum();
        long shuffled = Math.round(options.outOfOrder() * conversations);
        System.out.printf("Simulated %,d conversations (seed %d, %.0f%% adversarial users); ground truth: %s%n"
                + "Delivery faults: %,d events re-sent (same eventId), about %,d conversations delivered shuffled.%n%n",
                conversations, SEED, options.adversarial() * 100, truthFile, copies, shuffled);

        long started = System.nanoTime();
        BatchOutcome outcome = SimulatorMain.send(simulated, Map.<String, EventTransport>of(TENANT,
                new HttpTransport(client, key)), 2, 0, System.out);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("Posted %,d events in %.1f s (%,.0f events/s). Events by type:%n", outcome.sent(), seconds,
                outcome.sent() / seconds);
        byType.forEach((type, count) -> System.out.printf("  %-22s %,8d%n", type, count));
        System.out.printf("Platform answered: accepted %,d, duplicate %,d (re-sent copies: %,d), rejected %,d%s%n",
                outcome.accepted(), outcome.duplicate(), copies, outcome.rejected(),
                outcome.rejected() == 0 ? "" : " " + outcome.rejectionCodes() + " e.g. " + outcome.examples());
        if (outcome.accepted() == 0 && outcome.duplicate() > 0) {
            System.out.println("  (all duplicates: this tenant already holds this seed's conversations)");
        }

        List<GroundTruth.ResponseTruth> responses = GroundTruth.responses(truth);
        System.out.println();
        ProjectionWait.await(client, baseUrl, key, adminKey, responses.size(), Duration.ofMinutes(10), System.out);
        settleAbandonment(client, adminKey);
        DemoReport.print(client, key, responses, System.out);

        String trainer = client.issueKey(adminKey, TENANT, List.of("trainer", "analyst"));
        List<SimulatedConversation> heldOut = new ArrayList<>();
        for (int n = conversations; n < conversations + HELD_OUT; n++) {
            heldOut.add(simulation.conversation(n));
        }
        new TrainingReport(client, trainer, responses, System.out).run(heldOut);
        DemoReport.whereNext(baseUrl, esUrl, TENANT, truthFile, "sim-" + SEED + "-0", System.out);
    }

    /**
     * Runs the abandonment sweep once everything is projected, so the figures below do not depend on when the
     * scheduled sweep last ran: what it decides is a function of the events (the tenant's newest event time).
     */
    private static void settleAbandonment(PlatformClient client, String adminKey) throws Exception {
        JsonNode swept = client.post(adminKey, "/v1/admin/projections/abandonment-sweep", Map.of(), 200);
        for (JsonNode tenant : swept.path("tenants")) {
            if (tenant.path("tenant").asText().equals(TENANT)) {
                System.out.printf("Abandonment settled from event time: watermark %s (the tenant's newest event), "
                        + "deadlines before %s judged; %,d marked by this sweep.%n", tenant.path("watermark").asText(),
                        tenant.path("cutoff").asText(), swept.path("marked").asLong());
            }
        }
    }
}
