package dev.ufp.infra.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sender threads posting batches to {@code POST /v1/events} until stopped, as a client that trusts acknowledgements
 * would: each thread owns its conversations and sends them in order; a batch whose answer never came (platform
 * killed, restarting, 5xx) is sent again, unchanged, until it is answered; every {@code accepted} or
 * {@code duplicate} goes into the ledger. Rejections are counted by code: every event is valid, so one means the
 * platform lost an earlier acknowledged event of its conversation (e.g. {@code conversation-not-started}).
 */
final class HttpLoad implements AutoCloseable {

    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    private final EventsClient client;
    private final AckLedger ledger;
    private final int batchSize;
    private final String prefix;
    private final long seed;
    private final int threads;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicLong resent = new AtomicLong();
    private final Map<String, Long> rejections = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final List<Future<?>> running = new ArrayList<>();

    HttpLoad(EventsClient client, AckLedger ledger, int threads, int batchSize, String prefix, long seed) {
        this.client = client;
        this.ledger = ledger;
        this.threads = threads;
        this.batchSize = batchSize;
        this.prefix = prefix;
        this.seed = seed;
        this.pool = Executors.newFixedThreadPool(threads);
    }

    void start() {
        for (int t = 0; t < threads; t++) {
            int thread = t;
            running.add(pool.submit(() -> {
                send(thread);
                return null;
            }));
        }
    }

    AckLedger ledger() {
        return ledger;
    }

    /** Batches sent again because their first answer never came. */
    long resent() {
        return resent.get();
    }

    /** Rejected events by {@code rejected:<code>}; 0 in a correct run. */
    Map<String, Long> rejections() {
        return Map.copyOf(rejections);
    }

    /** Lets every thread finish (and get answered) its batch in flight, then returns; rethrows a thread's failure. */
    void stop() throws Exception {
        stopping.set(true);
        for (Future<?> f : running) {
            f.get();
        }
    }

    private void send(int thread) throws IOException, InterruptedException {
        Deque<BenchEvent> pending = new ArrayDeque<>();
        long conversation = thread;
        while (!stopping.get()) {
            while (pending.size() < batchSize) {
                pending.addAll(ConversationScript.events(prefix, seed, conversation));
                conversation += threads;
            }
            List<BenchEvent> batch = new ArrayList<>(batchSize);
            for (int i = 0; i < batchSize; i++) {
                batch.add(pending.removeFirst());
            }
            List<String> statuses = sendUntilAnswered(batch);
            for (int i = 0; i < batch.size(); i++) {
                String status = statuses.get(i);
                if (status.equals("accepted") || status.equals("duplicate")) {
                    ledger.acknowledged(AckLedger.Channel.HTTP, batch.get(i));
                } else {
                    rejections.merge(status, 1L, Long::sum);
                }
            }
        }
    }

    private List<String> sendUntilAnswered(List<BenchEvent> batch) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        for (int attempt = 0; ; attempt++) {
            if (attempt > 0) {
                resent.incrementAndGet();
                Thread.sleep(Math.min(1000, 50L * attempt));
            }
            try {
                var statuses = client.statuses(batch);
                if (statuses.isPresent()) {
                    return statuses.get();
                }
            } catch (IOException platformDown) {
                // killed or restarting: send the same batch again
            }
            if (System.nanoTime() > deadline) {
                throw new EventsClient.IncorrectResult("a batch of " + batch.size() + " events got no answer within "
                        + GIVE_UP);
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
