package dev.ufp.projections.rebuild;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.ufp.ingestion.contract.EventMetadata;
import dev.ufp.ingestion.contract.FeedbackEvent;
import dev.ufp.projections.elastic.IndexAdmin;
import dev.ufp.projections.elastic.IndexSet;
import dev.ufp.projections.elastic.ProjectionsProperties;
import dev.ufp.projections.projector.AbandonmentSweep;
import dev.ufp.projections.projector.ProjectionBatch;
import dev.ufp.projections.projector.Projector;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Replays the event store from the start into new indices, then swaps the aliases atomically. One at a time. */
@Component
public class RebuildService {

    static final String LIVE_GROUP = "feedback-projections";
    private static final Logger log = LoggerFactory.getLogger(RebuildService.class);

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final Projector projector;
    private final ElasticsearchClient client;
    private final IndexAdmin indexAdmin;
    private final AbandonmentSweep sweep;
    private final ProjectionsProperties properties;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile RebuildStatus status = RebuildStatus.idle();
    private Progress progress;

    RebuildService(EventStore eventStore, EventProcessingConfiguration processing, Projector projector,
                   ElasticsearchClient client, IndexAdmin indexAdmin, AbandonmentSweep sweep,
                   ProjectionsProperties properties) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.projector = projector;
        this.client = client;
        this.indexAdmin = indexAdmin;
        this.sweep = sweep;
        this.properties = properties;
    }

    public RebuildStatus status() {
        return progress == null || !status.running() ? status : progress.status(status.state(), head());
    }

    /** Starts a rebuild in the background; empty if one is running already. */
    public synchronized Optional<RebuildStatus> start() {
        if (status.running()) {
            return Optional.empty();
        }
        progress = new Progress(Instant.now());
        status = progress.status("starting", head());
        executor.submit(this::run);
        return Optional.of(status);
    }

    private void run() {
        IndexSet fresh = null;
        boolean swapped = false;
        try {
            indexAdmin.ensure();
            IndexSet old = indexAdmin.current();
            fresh = indexAdmin.createGeneration();
            progress.from = old;
            progress.to = fresh;
            log.info("Rebuild: replaying the event store into {} (readers stay on {})", fresh, old);
            status = progress.status("replaying", head());
            TrackingToken position = replay(fresh, null);
            Optional<StreamingEventProcessor> live = processing.eventProcessor(LIVE_GROUP, StreamingEventProcessor.class);
            status = progress.status("catching-up", head());
            live.ifPresent(StreamingEventProcessor::shutDown);
            try {
                replay(fresh, position);
                sweep.sweep(fresh);
                indexAdmin.refresh(fresh);
                indexAdmin.swap(old, fresh);
                swapped = true;
            } finally {
                live.ifPresent(StreamingEventProcessor::start);
            }
            indexAdmin.delete(old);
            status = progress.finished("done", head(), null);
            log.info("Rebuild done: {} events in {} s; aliases now on {}, dropped {}", progress.events,
                    Duration.between(progress.started, Instant.now()).toSeconds(), fresh, old);
        } catch (Exception e) {
            log.error("Rebuild failed; the aliases {} on the old indices", swapped ? "are not" : "stay", e);
            status = progress.finished("failed", head(), e.toString());
            if (fresh != null && !swapped) {
                try {
                    indexAdmin.delete(fresh);
                } catch (Exception cleanup) {
                    log.warn("Could not drop the unfinished indices {}: {}", fresh, cleanup.getMessage());
                }
            }
        }
    }

    /** Applies every event after {@code from} to {@code target}, one bulk request per batch; returns the last token. */
    private TrackingToken replay(IndexSet target, TrackingToken from) throws InterruptedException {
        TrackingToken last = from;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(from)) {
            List<Projector.TenantEvent> batch = new ArrayList<>();
            int inBatch = 0;
            Instant nextLog = Instant.now().plus(properties.rebuildProgressInterval());
            while (stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                last = message.trackingToken();
                if (message.getPayload() instanceof FeedbackEvent event) {
                    batch.add(Projector.TenantEvent.of(message.getMetaData().get(EventMetadata.TENANT), event));
                }
                progress.events++;
                progress.position = last.position().orElse(-1);
                if (++inBatch >= properties.rebuildBatchSize()) {
                    write(target, batch);
                    batch = new ArrayList<>();
                    inBatch = 0;
                }
                if (Instant.now().isAfter(nextLog)) {
                    RebuildStatus now = progress.status(status.state(), head());
                    log.info("Rebuild: {} events, {} events/s, position {} of {}, ETA {} s", now.events(),
                            Math.round(now.eventsPerSecond()), now.position(), now.headPosition(), now.etaSeconds());
                    nextLog = Instant.now().plus(properties.rebuildProgressInterval());
                }
            }
            write(target, batch);
        }
        return last;
    }

    /** One batch: one {@code _mget}, one classifier call, one bulk request. */
    private void write(IndexSet target, List<Projector.TenantEvent> events) {
        ProjectionBatch batch = new ProjectionBatch(client, target);
        projector.applyAll(events, batch);
        batch.flush();
    }

    private Long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? null : head.position().stream().boxed().findFirst().orElse(null);
    }

    private static final class Progress {
        final Instant started;
        volatile long events;
        volatile long position = -1;
        volatile IndexSet from;
        volatile IndexSet to;

        Progress(Instant started) {
            this.started = started;
        }

        RebuildStatus status(String state, Long head) {
            double seconds = Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0);
            double rate = events / seconds;
            Long eta = head == null || rate <= 0 ? null : Math.max(0, Math.round((head - position) / rate));
            return new RebuildStatus(state, started, null, events, position < 0 ? null : position, head, rate, eta,
                    from, to, null);
        }

        RebuildStatus finished(String state, Long head, String error) {
            RebuildStatus now = status(state, head);
            return new RebuildStatus(state, started, Instant.now(), now.events(), now.position(), head,
                    now.eventsPerSecond(), 0L, from, to, error);
        }
    }
}
