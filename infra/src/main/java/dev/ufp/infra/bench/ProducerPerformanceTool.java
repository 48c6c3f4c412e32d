package dev.ufp.infra.bench;

import dev.ufp.launchers.ManagedProcess;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kafka's own {@code ProducerPerformance} tool, run on the same broker: the raw rate the broker takes. */
final class ProducerPerformanceTool {

    private static final String TOPIC = "bench-producer-perf";
    private static final Pattern RATE = Pattern.compile("records sent, ([0-9.]+) records/sec");

    private ProducerPerformanceTool() {
    }

    static double run(String bootstrap, long records, int recordBytes) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get();
        }
        Path lib = ManagedProcess.layout("kafka").resolve("lib");
        Process tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", lib + "/*", "org.apache.kafka.tools.ProducerPerformance", "--topic", TOPIC,
                "--num-records", Long.toString(records), "--record-size", Integer.toString(recordBytes),
                "--throughput", "-1", "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all",
                "linger.ms=10", "batch.size=262144")
                .redirectErrorStream(true).start();
        Double rate = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(tool.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = RATE.matcher(line);
                if (m.find() && line.contains("99.9th")) {
                    rate = Double.parseDouble(m.group(1));
                }
            }
        }
        if (tool.waitFor() != 0 || rate == null) {
            throw new IllegalStateException("ProducerPerformance failed (exit " + tool.exitValue() + ")");
        }
        return rate;
    }
}
