package dev.ufp.infra.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code bench crash}: a real Kafka broker and Elasticsearch node, the platform in its own JVM on H2 or PostgreSQL,
 * HTTP senders and a Kafka producer posting all the time, and {@code --kills} times a {@code kill -9} of the
 * platform's JVM after a random uptime, each followed by a restart on the same data (broker and node keep
 * running). Then every acknowledged event must be stored, published on {@code feedback.events.v1} and projected,
 * each exactly once ({@link DurabilityAudit}). Prints the figures; exit 1 on any loss or double, 2 on bad options.
 */
public final class CrashHarness {

    static final String TENANT = "crash";

    private CrashHarness() {
    }

    public static void main(String[] args) throws Exception {
        quietKafkaClients();
        BenchMain.run(args, CrashOptions::parse, options -> run(options, System.out).exact());
    }

    /** What a run found: the audit, and the rejections of valid events (each one a sign of an earlier loss). */
    record Outcome(DurabilityAudit.Result audit, Map<String, Long> rejections) {
        boolean exact() {
            return audit.exact() && rejections.isEmpty();
        }
    }

    /** Runs the whole scenario and returns what it found; everything it started is stopped on return. */
    static Outcome run(CrashOptions options, PrintStream out) throws Exception {
        try (DurabilityStack stack = DurabilityStack.start("ufp-crash-", options.store(), options.database(),
                options.jar(), options.platformArguments(), TENANT);
             HttpLoad httpLoad = new HttpLoad(stack.client(), new AckLedger(), options.httpThreads(),
                     options.batchSize(), "h-", options.seed());
             KafkaLoad kafkaLoad = new KafkaLoad(stack.bootstrap(), stack.client().key(), httpLoad.ledger(),
                     options.kafkaRate(), "k-", options.seed())) {
            AckLedger ledger = httpLoad.ledger();
            SplittableRandom random = new SplittableRandom(options.seed());
            List<Long> restartMillis = new ArrayList<>();
            long loadStarted = System.nanoTime();
            httpLoad.start();
            kafkaLoad.start();
            for (int kill = 1; kill <= options.kills(); kill++) {
                Thread.sleep(1000L * random.nextInt(options.minUpSeconds(), options.maxUpSeconds() + 1));
                log("kill -9 #%d of pid %d with %,d events acknowledged so far", kill, stack.platform().pid(),
                        ledger.total());
                restartMillis.add(stack.killAndRestartPlatform());
            }
            Thread.sleep(1000L * options.minUpSeconds());
            double seconds = stopLoad(httpLoad, kafkaLoad, loadStarted);
            DurabilityAudit.Result result = audit(stack, ledger);
            out.printf("%n== crash: %d x kill -9, store %s, %d HTTP threads x %d-event batches, Kafka %d events/s"
                            + " ==%n", options.kills(), options.store().name().toLowerCase(), options.httpThreads(),
                    options.batchSize(), options.kafkaRate());
            out.printf("acknowledged over HTTP    %,d   over Kafka %,d   load %.0f s (%.0f events/s)%n",
                    ledger.acknowledged(AckLedger.Channel.HTTP), ledger.acknowledged(AckLedger.Channel.KAFKA),
                    seconds, ledger.total() / seconds);
            out.printf("restart to ready          %s ms%n", restartMillis);
            Outcome outcome = new Outcome(result, httpLoad.rejections());
            out.printf("rejected (valid events)   %s%n", outcome.rejections().isEmpty() ? "0" : outcome.rejections());
            result.print(out);
            out.println(outcome.exact() ? "RESULT: exact (0 lost, 0 doubled)" : "RESULT: INCORRECT");
            if (outcome.exact()) {
                stack.succeeded();
            }
            return outcome;
        }
    }

    /** Stops both loads (every batch in flight answered) and returns how long they ran, in seconds. */
    static double stopLoad(HttpLoad httpLoad, KafkaLoad kafkaLoad, long startedNanos) throws Exception {
        kafkaLoad.stop();
        httpLoad.stop();
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        log("load stopped after %.0f s: %,d acknowledged over HTTP (%,d batches sent again), %,d over Kafka "
                        + "(%,d sends failed)", seconds, httpLoad.ledger().acknowledged(AckLedger.Channel.HTTP),
                httpLoad.resent(), httpLoad.ledger().acknowledged(AckLedger.Channel.KAFKA), kafkaLoad.failedSends());
        return seconds;
    }

    static DurabilityAudit.Result audit(DurabilityStack stack, AckLedger ledger) throws Exception {
        log("auditing store, topic and projections (each up to %d s)", DurabilityAudit.DEADLINE.toSeconds());
        return new DurabilityAudit(ledger, stack.client(), stack.bootstrap(), stack.elastic(), TENANT).run();
    }

    static void quietKafkaClients() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.kafka"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    static void log(String format, Object... args) {
        IngestBenchmark.log(format, args);
    }
}
