package dev.ufp.infra.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where the platform's CPU goes, per stage of the projection, from a JFR recording taken with
 * {@code --platform-jvm-opt -XX:StartFlightRecording=...,settings=profile}: every {@code jdk.ExecutionSample} is
 * put in the stage of its thread when that says it (HTTP ingest, the event store's reader, the Elasticsearch
 * client, other processors), else in the first stage (in the order of {@link #STAGES}) one of whose patterns occurs
 * in its stack, else "other". {@code bench profile FILE.jfr [--from HH:MM:SS] [--to HH:MM:SS]} (UTC; the
 * harness log gives each phase's start).
 */
public final class ProjectionProfile {

    /** Stage → frame prefixes (class or class.method), checked from the most specific stage down. */
    static final Map<String, List<String>> STAGES = stages();

    private ProjectionProfile() {
    }

    private static Map<String, List<String>> stages() {
        Map<String, List<String>> stages = new LinkedHashMap<>();
        stages.put("MiniLM encoding", List.of("ai.onnxruntime.", "dev.ufp.projections.followup.OnnxMiniLmEncoder",
                "ai.djl.", "dev.langchain4j.", "dev.ufp.projections.followup.PrototypeScorer",
                "dev.ufp.projections.followup.EmbeddingFollowUpClassifier"));
        stages.put("token store", List.of("org.axonframework.eventhandling.tokenstore."));
        stages.put("document read-back from ES", List.of("dev.ufp.projections.projector.ProjectionBatch.prefetch",
                "dev.ufp.projections.projector.ProjectionBatch.load", "dev.ufp.projections.projector.ProjectionBatch.fromCache"));
        stages.put("bulk write to ES", List.of("dev.ufp.projections.projector.ProjectionBatch.flush"));
        stages.put("signal detection (projector)", List.of("dev.ufp.projections.projector.Projector.",
                "dev.ufp.projections.signals.", "dev.ufp.projections.followup.LexicalFollowUpClassifier",
                "dev.ufp.projections.projector.PreclassifiedFollowUps", "dev.ufp.projections.projector.FollowUpRevision"));
        stages.put("event deserialisation", List.of("org.axonframework.serialization.",
                "org.axonframework.eventhandling.AbstractEventStorageEngine.upcastAndDeserialize"));
        stages.put("event store read", List.of("org.axonframework.eventsourcing.eventstore.jpa.",
                "org.axonframework.eventsourcing.eventstore.jdbc.", "org.axonframework.eventsourcing.eventstore.EmbeddedEventStore",
                "org.axonframework.eventhandling.pooled.Coordinator", "org.postgresql.", "org.hibernate."));
        stages.put("dead-letter checks", List.of("org.axonframework.eventhandling.deadletter.",
                "dev.ufp.ingestion.deadletter."));
        return stages;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: bench profile FILE.jfr [--from HH:MM:SS] [--to HH:MM:SS]");
            System.exit(2);
        }
        LocalTime from = null;
        LocalTime to = null;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--from" -> from = LocalTime.parse(args[i + 1]);
                case "--to" -> to = LocalTime.parse(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Map<String, Integer> byStage = new TreeMap<>();
        Map<String, Integer> byThread = new TreeMap<>();
        Map<String, Double> cpuByThread = new TreeMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            LocalTime at = LocalTime.ofInstant(event.getStartTime(), ZoneOffset.UTC);
            if ((from != null && at.isBefore(from)) || (to != null && at.isAfter(to))) {
                continue;
            }
            if (event.getEventType().getName().equals("jdk.ThreadCPULoad")) {
                cpuByThread.merge(threadGroup(event.getThread("eventThread") == null ? ""
                        : event.getThread("eventThread").getJavaName()),
                        (double) (event.getFloat("user") + event.getFloat("system")), Double::sum);
                continue;
            }
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            String thread = threadGroup(event.getThread("sampledThread") == null ? ""
                    : event.getThread("sampledThread").getJavaName());
            byStage.merge(stage(event.getStackTrace(), thread), 1, Integer::sum);
            byThread.merge(thread, 1, Integer::sum);
            total++;
        }
        System.out.printf("%,d execution samples%s%n", total, from == null && to == null ? "" : " between "
                + (from == null ? "start" : from) + " and " + (to == null ? "end" : to) + " UTC");
        System.out.println("| stage | samples | share |");
        System.out.println("|---|---|---|");
        int all = total;
        byStage.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf("| %s | %,d | %.1f%% |%n", e.getKey(), e.getValue(),
                        100.0 * e.getValue() / Math.max(1, all)));
        System.out.println();
        double cpu = cpuByThread.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.println("| thread | Java samples | share | CPU share (jdk.ThreadCPULoad, native code included) |");
        System.out.println("|---|---|---|---|");
        Set<String> threads = new TreeSet<>(byThread.keySet());
        threads.addAll(cpuByThread.keySet());
        threads.stream().sorted(Comparator.comparingDouble(t -> -cpuByThread.getOrDefault(t, 0.0)))
                .filter(t -> cpuByThread.getOrDefault(t, 0.0) / Math.max(1e-9, cpu) >= 0.002 || byThread.containsKey(t))
                .forEach(t -> System.out.printf("| %s | %,d | %.1f%% | %.1f%% |%n", t, byThread.getOrDefault(t, 0),
                        100.0 * byThread.getOrDefault(t, 0) / Math.max(1, all),
                        100.0 * cpuByThread.getOrDefault(t, 0.0) / Math.max(1e-9, cpu)));
    }

    static String stage(RecordedStackTrace stack, String thread) {
        if (thread.startsWith("http-nio")) {
            return "ingest (HTTP threads: validation, commands, event store append)";
        }
        if (thread.startsWith("EmbeddedEventStore")) {
            return "event store read";
        }
        if (thread.startsWith("elasticsearch-rest-client")) {
            return "Elasticsearch client I/O (bulk, mget)";
        }
        if ((thread.startsWith("WorkPackage[") || thread.startsWith("EventProcessor[")
                || thread.startsWith("Coordinator[")) && !thread.contains("feedback-projections")
                && !thread.contains("feedback-follow-up-revisions")) {
            return "other processors (" + thread + ")";
        }
        if (stack != null) {
            for (Map.Entry<String, List<String>> stage : STAGES.entrySet()) {
                for (RecordedFrame frame : stack.getFrames()) {
                    if (!frame.isJavaFrame()) {
                        continue;
                    }
                    String name = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                    if (stage.getValue().stream().anyMatch(name::startsWith)) {
                        return stage.getKey();
                    }
                }
            }
        }
        return "other (" + thread + ")";
    }

    /** Thread names without their numbers: {@code WorkPackage[feedback-projections,0]} → one group per processor. */
    static String threadGroup(String name) {
        if (name.isEmpty()) {
            return "(no Java name: GC, JIT helpers, native threads)";
        }
        if (name.startsWith("WorkPackage[") || name.startsWith("Coordinator[")) {
            int comma = name.indexOf(',');
            return name.substring(0, comma < 0 ? name.length() : comma) + "]";
        }
        return name.replaceAll("[-#]?\\d+", "#");
    }

}
