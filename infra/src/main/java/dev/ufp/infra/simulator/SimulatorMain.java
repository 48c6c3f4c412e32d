package dev.ufp.infra.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ufp.infra.client.BatchOutcome;
import dev.ufp.infra.client.BatchSender;
import dev.ufp.infra.client.EventTransport;
import dev.ufp.infra.client.HttpTransport;
import dev.ufp.infra.client.KafkaTransport;
import dev.ufp.infra.client.PlatformClient;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The traffic simulator's command line. Sends simulated conversations through the HTTP API or the Kafka ingest
 * topic, or ({@code --dry-run}) writes the events as JSON lines; always writes the ground truth.
 *
 * <pre>
 * SimulatorMain --conversations N --seed S --truth FILE [--rate EVENTS_PER_S] [--transport http|kafka]
 *   [--base-url URL] [--key KEY | --admin-key KEY] [--bootstrap HOST:PORT] [--tenant T] [--tenants N]
 *   [--threads N] [--duplicates P] [--out-of-order P] [--adversarial P] [--dry-run --out FILE]
 * </pre>
 */
public final class SimulatorMain {

    static final String USAGE = "usage: SimulatorMain --conversations N --seed S --truth FILE [--rate R]"
            + " [--transport http|kafka] [--base-url URL] [--key KEY | --admin-key KEY] [--bootstrap HOST:PORT]"
            + " [--tenant T] [--tenants N] [--threads N] [--duplicates P] [--out-of-order P] [--adversarial P]"
            + " [--dry-run --out FILE]";

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a;
        try {
            a = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        SimulatorOptions options = new SimulatorOptions(Integer.parseInt(a.getOrDefault("conversations", "1000")),
                Long.parseLong(a.getOrDefault("seed", "42")), a.getOrDefault("tenant", "sim"),
                Integer.parseInt(a.getOrDefault("tenants", "1")), Double.parseDouble(a.getOrDefault("adversarial", "0.05")),
                Double.parseDouble(a.getOrDefault("duplicates", "0")), Double.parseDouble(a.getOrDefault("out-of-order", "0")),
                SimulatorOptions.DEFAULT_START);
        boolean kafka = a.getOrDefault("transport", "http").equals("kafka");
        if (kafka && options.outOfOrder() > 0) {
            System.out.println("Note: --out-of-order is ignored with --transport kafka: a poll may split a"
                    + " conversation, and events that arrive before their target go to the dead-letter topic.");
            options = options.withFaults(options.duplicates(), 0);
        }
        Simulation simulation = new Simulation(options);
        List<SimulatedConversation> conversations = simulation.conversations();
        Path truth = Path.of(a.getOrDefault("truth", "truth.jsonl"));
        GroundTruth.write(truth, simulation.truth(conversations));
        System.out.printf("Simulated %,d conversations (%,d events); ground truth in %s%n", conversations.size(),
                conversations.stream().mapToInt(c -> c.allEvents().size()).sum(), truth);
        if (a.containsKey("dry-run")) {
            Path out = Path.of(a.getOrDefault("out", "events.jsonl"));
            writeEvents(out, conversations);
            System.out.printf("Dry run: events written to %s%n", out);
            return;
        }
        Map<String, EventTransport> transports = transports(a, simulation.tenants(), kafka);
        BatchOutcome outcome = send(conversations, transports, Integer.parseInt(a.getOrDefault("threads", "2")),
                Double.parseDouble(a.getOrDefault("rate", "0")), System.out);
        System.out.printf("Delivered: %s%n", outcome);
    }

    /**
     * Sends the conversations (each in one batch), then the events held back from shuffled conversations, and
     * closes the transports.
     */
    public static BatchOutcome send(List<SimulatedConversation> conversations, Map<String, EventTransport> transports,
                                    int threads, double rate, PrintStream progress) throws Exception {
        List<BatchSender.Unit> first = conversations.stream()
                .map(c -> new BatchSender.Unit(c.tenant(), c.conversationId(), c.events())).toList();
        List<BatchSender.Unit> later = conversations.stream().filter(c -> !c.laterEvents().isEmpty())
                .map(c -> new BatchSender.Unit(c.tenant(), c.conversationId(), c.laterEvents())).toList();
        try {
            BatchSender sender = new BatchSender(transports, threads, 500, rate, progress);
            BatchOutcome outcome = sender.send(first);
            if (!later.isEmpty()) {
                outcome.add(sender.send(later));
            }
            return outcome;
        } finally {
            transports.values().forEach(EventTransport::close);
        }
    }

    private static Map<String, EventTransport> transports(Map<String, String> a, List<String> tenants, boolean kafka)
            throws IOException, InterruptedException {
        PlatformClient client = new PlatformClient(a.getOrDefault("base-url", "http://127.0.0.1:8080"));
        Map<String, String> keys = new LinkedHashMap<>();
        if (a.containsKey("key")) {
            if (tenants.size() != 1) {
                throw new IllegalArgumentException("--key names one tenant; with --tenants N pass --admin-key");
            }
            keys.put(tenants.get(0), a.get("key"));
        } else if (a.containsKey("admin-key")) {
            for (String tenant : tenants) {
                keys.put(tenant, client.issueKey(a.get("admin-key"), tenant, List.of("ingest", "analyst")));
            }
        } else {
            throw new IllegalArgumentException("pass --key (one tenant's ingest key) or --admin-key");
        }
        Map<String, EventTransport> transports = new HashMap<>();
        keys.forEach((tenant, key) -> transports.put(tenant, kafka
                ? new KafkaTransport(a.getOrDefault("bootstrap", "127.0.0.1:9092"), key)
                : new HttpTransport(client, key)));
        return transports;
    }

    /** Events as JSON lines, in delivery order: every conversation's first wave, then the held-back events. */
    public static void writeEvents(Path out, List<SimulatedConversation> conversations) throws IOException {
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        ObjectMapper json = new ObjectMapper();
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (boolean firstWave : new boolean[] {true, false}) {
                for (SimulatedConversation c : conversations) {
                    for (ObjectNode event : firstWave ? c.events() : c.laterEvents()) {
                        writer.write(json.writeValueAsString(event));
                        writer.write('\n');
                    }
                }
            }
        }
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> values = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
            String name = args[i].substring(2);
            if (name.equals("dry-run")) {
                values.put(name, "true");
            } else if (i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("option --" + name + " needs a value");
            }
        }
        List<String> known = List.of("conversations", "seed", "truth", "rate", "transport", "base-url", "key",
                "admin-key", "bootstrap", "tenant", "tenants", "threads", "duplicates", "out-of-order", "adversarial",
                "dry-run", "out");
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        return values;
    }
}
