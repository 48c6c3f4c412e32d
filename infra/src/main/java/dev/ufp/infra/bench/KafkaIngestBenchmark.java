package dev.ufp.infra.bench;

import dev.ufp.launchers.KafkaBroker;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code bench kafka}: a fresh database, a real broker and the platform in their own JVMs, then in one run
 * (1) Kafka's own producer performance tool on that broker (the raw broker rate), (2) the workload published to
 * {@code feedback.ingest.v1} until every event is stored, (3) the same number of events through
 * {@code POST /v1/events}, (4) publication lag on {@code feedback.events.v1} at a steady offered rate.
 */
public final class KafkaIngestBenchmark {

    private static final String TENANT = "benchk";

    private KafkaIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.kafka"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        BenchMain.run(args, KafkaBenchOptions::parse, KafkaIngestBenchmark::run);
    }

    private static boolean run(KafkaBenchOptions options) throws Exception {
        Workload viaKafka = Workload.generate("k", options.seed(), options.events(), options.clientThreads());
        Workload viaHttp = Workload.generate("h", options.seed() + 1, options.events(), options.clientThreads());
        Path brokerHome = Files.createTempDirectory("ufp-bench-kafka-");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try (BenchDatabase database = new BenchDatabase(options.database());
             KafkaBroker broker = KafkaBroker.start(KafkaBroker.Config.onFreePorts(brokerHome))) {
            database.create();
            IngestBenchmark.log("broker at %s (pid %d)", broker.bootstrapServers(), broker.pid());
            try (PlatformProcess platform = PlatformProcess.start(options.jar(), database.name(), List.of(),
                    List.of("--spring.kafka.bootstrap-servers=" + broker.bootstrapServers()))) {
                // Ctrl-C or SIGTERM skip the try-with-resources: stop the platform and the broker all the same
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        platform.close();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    broker.stop();
                }));
                platform.awaitHealthy(http);
                EventsClient client = EventsClient.withNewKey(http, platform, TENANT);
                KafkaIngestDriver kafka = new KafkaIngestDriver(broker.bootstrapServers(), client.key(), database, platform);
                CpuMeter cpu = new CpuMeter(platform.pid());

                IngestBenchmark.log("raw broker rate: Kafka's ProducerPerformance, %,d records of %d bytes",
                        options.events(), viaKafka.averageEventBytes());
                double rawRate = ProducerPerformanceTool.run(broker.bootstrapServers(), options.events(),
                        (int) viaKafka.averageEventBytes());

                long warmupEvents = Math.min(50_000, options.events());
                IngestBenchmark.log("warm-up: %,d events through each path (not measured)", warmupEvents);
                kafka.ingest(Workload.generate("wk", options.seed() + 3, warmupEvents, options.clientThreads()),
                        "domain_event_entry");
                new HttpIngestDriver(client, options.batchSize())
                        .run(Workload.generate("wh", options.seed() + 4, warmupEvents, options.clientThreads()));
                kafka.awaitPublished(2 * warmupEvents);

                cpu.awaitQuiet(60);
                IngestBenchmark.log("Kafka path: %,d events published to feedback.ingest.v1", options.events());
                Progress kafkaPath = kafka.ingest(viaKafka, "domain_event_entry");

                cpu.awaitQuiet(60);
                IngestBenchmark.log("HTTP path: %,d events through POST /v1/events", options.events());
                Progress httpPath = new HttpIngestDriver(client, options.batchSize()).run(viaHttp);

                IngestBenchmark.log("publication lag: %d events/s for %d s through HTTP, read from feedback.events.v1",
                        options.lagRate(), options.lagSeconds());
                kafka.awaitPublished(2L * options.events() + 2 * warmupEvents);
                PublicationLagProbe.Result lag = new PublicationLagProbe(client, broker.bootstrapServers(), TENANT)
                        .run(options.lagRate(), options.lagSeconds(), options.seed() + 2);

                long stored = database.count("domain_event_entry");
                long expected = 2L * options.events() + 2 * warmupEvents + lag.sent();
                System.out.printf("%n== Kafka ingest benchmark: %,d events per path, %d cores ==%n", options.events(),
                        Runtime.getRuntime().availableProcessors());
                System.out.printf("%-52s %12s %10s%n", "phase", "events/s", "ratio");
                System.out.printf("%-52s %,12.0f %10s%n", "raw broker: kafka ProducerPerformance (acks=all)", rawRate, "1.00");
                System.out.printf("%-52s %,12.0f %10.3f%n", "Kafka path: feedback.ingest.v1 -> event store",
                        kafkaPath.rate(), kafkaPath.rate() / rawRate);
                System.out.printf("%-52s %,12.0f %10.3f%n", "HTTP path: POST /v1/events -> event store",
                        httpPath.rate(), httpPath.rate() / rawRate);
                System.out.printf("Kafka path / HTTP path: %.2f (target >= 1)%n", kafkaPath.rate() / httpPath.rate());
                System.out.printf("publication lag at %d events/s (store -> consumer of feedback.events.v1, %,d events): "
                                + "p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (target p95 <= 1000 ms)%n",
                        options.lagRate(), lag.measured(), lag.p50(), lag.p95(), lag.p99(), lag.max());
                System.out.printf("stored events %,d, expected %,d: %s%n", stored, expected,
                        stored == expected ? "CORRECT" : "INCORRECT");
                return stored == expected;
            }
        }
    }
}
