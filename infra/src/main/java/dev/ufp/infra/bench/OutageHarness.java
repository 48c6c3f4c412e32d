package dev.ufp.infra.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench outage}: the platform under steady HTTP and Kafka load while, one after the other, the Kafka broker
 * is down for {@code --outage-seconds}, the Elasticsearch node is down as long, and (on PostgreSQL) PostgreSQL is
 * restarted. Then nothing acknowledged may be lost: every event stored, published and projected exactly once
 * ({@link DurabilityAudit}), and the projections equal a clean rebuild's ({@link RebuildComparison}). Prints the
 * figures; exit 1 on any loss or difference, 2 on bad options.
 */
public final class OutageHarness {

    private static final long SETTLE_SECONDS = 10;

    private OutageHarness() {
    }

    public static void main(String[] args) throws Exception {
        CrashHarness.quietKafkaClients();
        BenchMain.run(args, OutageOptions::parse, options -> run(options, System.out));
    }

    static boolean run(OutageOptions options, PrintStream out) throws Exception {
        try (DurabilityStack stack = DurabilityStack.start("ufp-outage-", options.store(), options.database(),
                options.jar(), options.platformArguments(), CrashHarness.TENANT);
             HttpLoad httpLoad = new HttpLoad(stack.client(), new AckLedger(), options.httpThreads(),
                     options.batchSize(), "h-", options.seed());
             KafkaLoad kafkaLoad = new KafkaLoad(stack.bootstrap(), stack.client().key(), httpLoad.ledger(),
                     options.kafkaRate(), "k-", options.seed())) {
            AckLedger ledger = httpLoad.ledger();
            List<String> phases = new ArrayList<>();
            long loadStarted = System.nanoTime();
            httpLoad.start();
            kafkaLoad.start();
            settle();

            long before = ledger.total();
            log("Kafka broker down for %d s", options.outageSeconds());
            stack.stopBroker();
            TimeUnit.SECONDS.sleep(options.outageSeconds());
            stack.startBroker();
            phases.add(String.format("Kafka down %d s: %,d events acknowledged meanwhile", options.outageSeconds(),
                    ledger.total() - before));
            settle();

            before = ledger.total();
            log("Elasticsearch down for %d s", options.outageSeconds());
            stack.stopNode();
            TimeUnit.SECONDS.sleep(options.outageSeconds());
            stack.startNode();
            phases.add(String.format("Elasticsearch down %d s: %,d events acknowledged meanwhile",
                    options.outageSeconds(), ledger.total() - before));
            settle();

            if (options.store() == CrashOptions.Store.POSTGRES) {
                before = ledger.total();
                log("restarting PostgreSQL: %s", String.join(" ", options.postgresRestart()));
                long restart = System.nanoTime();
                restartPostgres(options.postgresRestart());
                phases.add(String.format("PostgreSQL restarted (%d ms): %,d events acknowledged meanwhile",
                        (System.nanoTime() - restart) / 1_000_000, ledger.total() - before));
                settle();
            } else {
                phases.add("PostgreSQL restart: skipped (store h2)");
            }

            double seconds = CrashHarness.stopLoad(httpLoad, kafkaLoad, loadStarted);
            DurabilityAudit.Result result = CrashHarness.audit(stack, ledger);
            log("comparing the projections with a clean rebuild");
            RebuildComparison.Result rebuild = new RebuildComparison(stack.http(), stack.platform(), stack.elastic())
                    .run();

            out.printf("%n== outage: store %s, %d HTTP threads x %d-event batches, Kafka %d events/s ==%n",
                    options.store().name().toLowerCase(), options.httpThreads(), options.batchSize(),
                    options.kafkaRate());
            phases.forEach(phase -> out.println("  " + phase));
            out.printf("acknowledged over HTTP    %,d   over Kafka %,d   load %.0f s (%.0f events/s)%n",
                    ledger.acknowledged(AckLedger.Channel.HTTP), ledger.acknowledged(AckLedger.Channel.KAFKA),
                    seconds, ledger.total() / seconds);
            CrashHarness.Outcome outcome = new CrashHarness.Outcome(result, httpLoad.rejections());
            out.printf("rejected (valid events)   %s%n", outcome.rejections().isEmpty() ? "0" : outcome.rejections());
            result.print(out);
            rebuild.print(out);
            boolean exact = outcome.exact() && rebuild.equal();
            out.println(exact ? "RESULT: exact (0 lost, 0 doubled, projections equal a clean rebuild's)"
                    : "RESULT: INCORRECT");
            if (exact) {
                stack.succeeded();
            }
            return exact;
        }
    }

    private static void restartPostgres(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("'" + String.join(" ", command) + "' failed; PostgreSQL may be down");
        }
    }

    private static void settle() throws InterruptedException {
        TimeUnit.SECONDS.sleep(SETTLE_SECONDS);
    }

    private static void log(String format, Object... args) {
        IngestBenchmark.log(format, args);
    }
}
