package dev.ufp.infra.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The platform side of the comparison: one client thread per workload stream, each sending its stream in
 * batches, one request at a time, through {@link EventsClient}. The first incorrect answer stops every thread.
 */
final class HttpIngestDriver {

    private final EventsClient client;
    private final int batchSize;

    HttpIngestDriver(EventsClient client, int batchSize) {
        this.client = client;
        this.batchSize = batchSize;
    }

    Progress run(Workload workload) throws Exception {
        Progress progress = new Progress();
        AtomicBoolean failed = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(workload.threads());
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < workload.threads(); t++) {
                List<BenchEvent> stream = workload.stream(t);
                running.add(threads.submit(() -> {
                    for (int from = 0; from < stream.size() && !failed.get(); from += batchSize) {
                        List<BenchEvent> batch = stream.subList(from, Math.min(stream.size(), from + batchSize));
                        try {
                            client.send(batch);
                        } catch (Exception | Error e) {
                            failed.set(true);
                            throw e;
                        }
                        progress.completed(batch.size());
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        return progress;
    }
}
