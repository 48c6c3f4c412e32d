package dev.ufp.projections.rebuild;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.ufp.ingestion.contract.EventMetadata;
import dev.ufp.ingestion.contract.FeedbackEvent;
import dev.ufp.projections.elastic.IndexAdmin;
import dev.ufp.projections.elastic.IndexSet;
import dev.ufp.projections.elastic.ProjectionsProperties;
import dev.ufp.projections.projector.AbandonmentSweep;
import dev.ufp.projections.projector.DocumentCache;
import dev.ufp.projections.projector.Documents;
import dev.ufp.projections.projector.ProjectionBatch;
import dev.ufp.projections.projector.ProjectionFailures;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final DocumentCache cache;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private volatile RebuildStatus status = RebuildStatus.idle();
    private Progress progress;

    RebuildService(EventStore eventStore, EventProcessingConfiguration processing, Projector projector,
                   ElasticsearchClient client, IndexAdmin indexAdmin, AbandonmentSweep sweep,
                   ProjectionsProperties properties, DocumentCache cache) {
        this.cache = cache;
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

    /**
     * Replays the store up to the head taken at the start into new indices while the live processor keeps the old
     * ones current; follows the store until the new indices lag it by fewer than
     * {@code feedback.projections.rebuild-handover-lag} events; then hands over: the live processor stops (its
     * batch in flight finishes and its token is stored), the rebuild applies the few events left up to the head,
     * the aliases move, and the live processor starts again from its own token — re-applying, in order, a suffix
     * the rebuild already applied, which gives identical documents. Nothing is missed: every event up to the
     * head at the swap is in the new indices, and every later one is applied by the live processor to them.
     */
    private void run() {
        IndexSet fresh = null;
        boolean swapped = false;
        try {
            indexAdmin.ensure();
            IndexSet old = indexAdmin.current();
            fresh = indexAdmin.createGeneration();
            progress.from = old;
            progress.to = fresh;
            Long startHead = head();
            log.info("Rebuild: replaying the event store up to {} into {} (readers and the live processor stay on {})",
                    startHead, fresh, old);
            status = progress.status("replaying", startHead);
            TrackingToken position = replay(fresh, null, startHead == null ? -1 : startHead);
            status = progress.status("following", head());
            position = follow(fresh, position);
            sweep.sweep(fresh);
            Optional<StreamingEventProcessor> live = processing.eventProcessor(LIVE_GROUP, StreamingEventProcessor.class);
            status = progress.status("handing-over", head());
            Instant paused = Instant.now();
            live.ifPresent(StreamingEventProcessor::shutDown);
            try {
                long before = progress.events;
                Long handoverHead = head();
                replay(fresh, position, handoverHead == null ? -1 : handoverHead);
                progress.handoverEvents = progress.events - before;
                indexAdmin.refresh(fresh);
                indexAdmin.swap(old, fresh);
                swapped = true;
            } finally {
                // the aliases' cached documents were the old indices'; the rebuild's own are of no use now
                cache.clear();
                live.ifPresent(StreamingEventProcessor::start);
                progress.handoverMillis = Duration.between(paused, Instant.now()).toMillis();
            }
            indexAdmin.delete(old);
            status = progress.finished("done", head(), null);
            log.info("Rebuild done: {} events in {} s ({} refused conversations); the live processor waited {} ms "
                            + "for the last {} events; aliases now on {}, dropped {}", progress.events,
                    Duration.between(progress.started, Instant.now()).toSeconds(), progress.refused,
                    progress.handoverMillis, progress.handoverEvents, fresh, old);
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

    /** Applies events after {@code from} until the new indices lag the store head by less than the hand-over lag. */
    private TrackingToken follow(IndexSet target, TrackingToken from) throws InterruptedException {
        TrackingToken position = from;
        while (true) {
            Long head = head();
            long at = position == null ? -1 : position.position().orElse(-1);
            if (head == null || head - at < properties.rebuildHandoverLag()) {
                return position;
            }
            position = replay(target, position, head);
        }
    }

    /**
     * Applies every event after {@code from} up to global position {@code until} to {@code target}, one bulk
     * request per batch; returns the last token.
     */
    private TrackingToken replay(IndexSet target, TrackingToken from, long until) throws InterruptedException {
        TrackingToken last = from;
        if (last != null && last.position().orElse(-1) >= until) {
            return last;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(from)) {
            List<Projector.TenantEvent> batch = new ArrayList<>();
            Instant nextLog = Instant.now().plus(properties.rebuildProgressInterval());
            while (stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> message = stream.nextAvailable();
                last = message.trackingToken();
                if (message.getPayload() instanceof FeedbackEvent event) {
                    batch.add(Projector.TenantEvent.of(message.getMetaData().get(EventMetadata.TENANT), event));
                }
                progress.events++;
                progress.position = last.position().orElse(-1);
                if (batch.size() >= properties.rebuildBatchSize()) {
                    write(target, batch);
                    batch = new ArrayList<>();
                }
                if (Instant.now().isAfter(nextLog)) {
                    RebuildStatus now = progress.status(status.state(), head());
                    log.info("Rebuild ({}): {} events, {} events/s, position {} of {}, ETA {} s", now.state(),
                            now.events(), Math.round(now.eventsPerSecond()), now.position(), now.headPosition(),
                            now.etaSeconds());
                    nextLog = Instant.now().plus(properties.rebuildProgressInterval());
                }
                if (progress.position >= until) {
                    break;
                }
            }
            write(target, batch);
        }
        return last;
    }

    /**
     * One batch: one {@code _mget}, one classifier call, one bulk request. When Elasticsearch refuses a document
     * for good, the batch is written conversation by conversation and the refused conversations are left out of
     * the new indices (counted in the status, one WARN each; the live processor parks them in its dead-letter
     * queue); a failure that heals fails the rebuild, which can be started again.
     */
    private void write(IndexSet target, List<Projector.TenantEvent> events) {
        try {
            writeAll(target, events);
        } catch (RuntimeException e) {
            if (ProjectionFailures.retryable(e)) {
                throw e;
            }
            Map<String, List<Projector.TenantEvent>> byConversation = new LinkedHashMap<>();
            events.forEach(t -> byConversation.computeIfAbsent(Documents.conversationId(t.tenant(),
                    t.event().conversationId()), k -> new ArrayList<>()).add(t));
            byConversation.forEach((conversation, ofConversation) -> {
                try {
                    writeAll(target, ofConversation);
                } catch (RuntimeException refused) {
                    if (ProjectionFailures.retryable(refused)) {
                        throw refused;
                    }
                    progress.refused++;
                    log.warn("Rebuild: conversation {} left out of {}: {}", conversation, target, refused.getMessage());
                }
            });
        }
    }

    private void writeAll(IndexSet target, List<Projector.TenantEvent> events) {
        ProjectionBatch batch = new ProjectionBatch(client, target, cache);
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
        volatile long refused;
        volatile long handoverEvents;
        volatile Long handoverMillis;
        volatile IndexSet from;
        volatile IndexSet to;

        Progress(Instant started) {
            this.started = started;
        }

        RebuildStatus status(String state, Long head) {
            double seconds = Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0);
            double rate = events / seconds;
            Long eta = head == null || rate <= 0 ? null : Math.max(0, Math.round((head - position) / rate));
            return new RebuildStatus(state, started, null, events, position < 0 ? null : position, head,
                    head == null || position < 0 ? null : Math.max(0, head - position), rate, eta, from, to, refused,
                    handoverEvents, handoverMillis, null);
        }

        RebuildStatus finished(String state, Long head, String error) {
            RebuildStatus now = status(state, head);
            return new RebuildStatus(state, started, Instant.now(), now.events(), now.position(), head,
                    now.lagEvents(), now.eventsPerSecond(), 0L, from, to, refused, handoverEvents, handoverMillis,
                    error);
        }
    }
}
