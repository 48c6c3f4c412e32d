package dev.ufp.ingestion.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.ingestion.contract.EventMetadata;
import dev.ufp.ingestion.contract.FeedbackEvent;
import dev.ufp.ingestion.contract.UserAttributed;
import dev.ufp.ingestion.conversation.RecordEventCommand;
import dev.ufp.ingestion.conversation.RecordOutcome;
import dev.ufp.ingestion.conversation.Rejection;
import dev.ufp.ingestion.tenancy.Pseudonymizer;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.FlushModeType;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Stores a batch of submitted events with exact per-item results. The whole batch runs as one transaction
 * (cheap: Hibernate batches the inserts); if that transaction fails for any reason, the aggregates it touched
 * are evicted from the cache and every event is redone in its own transaction, so one bad event never
 * loses or duplicates its neighbours. Events whose target comes later in the same batch are
 * retried after it.
 */
@Service
@EnableConfigurationProperties(IngestProperties.class)
public class IngestService {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final EventParser parser;
    private final Pseudonymizer pseudonymizer;
    private final CommandGateway commands;
    private final Cache conversationCache;
    private final TransactionTemplate transactions;
    private final EntityManagerProvider entityManagers;
    private final IngestProperties properties;
    private final ConversationLocks locks = new ConversationLocks(4096);
    private final Semaphore writers;
    private final IngestMetrics metrics;

    IngestService(EventParser parser, Pseudonymizer pseudonymizer, CommandGateway commands,
                  @Qualifier("conversationCache") Cache conversationCache, PlatformTransactionManager txManager,
                  EntityManagerProvider entityManagers, IngestProperties properties, MeterRegistry meters) {
        this.parser = parser;
        this.pseudonymizer = pseudonymizer;
        this.commands = commands;
        this.conversationCache = conversationCache;
        this.transactions = new TransactionTemplate(txManager);
        this.entityManagers = entityManagers;
        this.properties = properties;
        this.writers = new Semaphore(properties.maxConcurrentBatches(), true);
        this.metrics = new IngestMetrics(meters);
    }

    private record Pending(int index, RecordEventCommand command) {
        String eventId() {
            return command.event().eventId();
        }
    }

    public IngestProperties limits() {
        return properties;
    }

    public List<ItemResult> ingest(IngestSource source, List<JsonNode> items) {
        ItemResult[] results = new ItemResult[items.size()];
        List<Pending> pending = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            EventParser.Parsed parsed = parser.parse(items.get(i));
            if (parsed instanceof EventParser.Valid valid) {
                pending.add(new Pending(i, command(source, valid.event())));
            } else {
                results[i] = ItemResult.rejected(parsed.eventId(), ((EventParser.Invalid) parsed).error());
            }
        }
        if (!pending.isEmpty()) {
            store(pending, results);
        }
        List<ItemResult> outcome = List.of(results);
        metrics.record(source.channel(), outcome);
        return outcome;
    }

    private RecordEventCommand command(IngestSource source, FeedbackEvent event) {
        FeedbackEvent stored = event instanceof UserAttributed attributed
                ? attributed.withUserId(pseudonymizer.pseudonymize(source.tenant(), attributed.userId()))
                : event;
        return RecordEventCommand.of(source.tenant(), stored, Map.of(
                EventMetadata.TENANT, source.tenant(),
                EventMetadata.CHANNEL, source.channel(),
                EventMetadata.KEY_ID, source.keyId()));
    }

    private void store(List<Pending> pending, ItemResult[] results) {
        List<String> keys = pending.stream().map(p -> p.command().conversationKey()).distinct().toList();
        writers.acquireUninterruptibly();
        try (AutoCloseable ignored = locks.lockAll(keys)) {
            try {
                transactions.executeWithoutResult(status -> {
                    flushAtCommitOnly();
                    dispatchAll(pending, results);
                });
            } catch (RuntimeException batchFailure) {
                keys.forEach(conversationCache::remove);
                log.info("Batch of {} events fell back to one transaction per event: {}", pending.size(),
                        summary(batchFailure));
                metrics.fallback();
                storeOneByOne(pending, results);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception unlock) {
            throw new IllegalStateException(unlock);
        } finally {
            writers.release();
        }
    }

    /**
     * Hibernate's default (AUTO) flush runs before every query: each conversation not yet cached (every new one)
     * is read from the store, and each read would dirty-check every event entry the batch persisted so far
     * (quadratic in the batch; measured as most of the platform's CPU) and break insert batching. Flushing only
     * at commit is safe here: a conversation this transaction already wrote is pinned in the aggregate cache
     * for the transaction ({@code CaffeineAggregateCache}), so it is never re-read from the store, and every
     * other conversation has no unflushed events. A clash still surfaces at commit and triggers the fallback.
     */
    private void flushAtCommitOnly() {
        entityManagers.getEntityManager().setFlushMode(FlushModeType.COMMIT);
    }

    private void dispatchAll(List<Pending> pending, ItemResult[] results) {
        dispatchUntilSettled(pending, results, p -> commands.sendAndWait(p.command()));
    }

    private void storeOneByOne(List<Pending> pending, ItemResult[] results) {
        dispatchUntilSettled(pending, results, this::storeAlone);
    }

    /**
     * Dispatches every event, then re-dispatches those rejected as retryable (their target was unknown) for as
     * long as a pass stores something: a batch may list a reaction before its response, in any order.
     */
    private static void dispatchUntilSettled(List<Pending> pending, ItemResult[] results,
                                             Function<Pending, RecordOutcome> dispatch) {
        List<Pending> open = pending;
        boolean progress = true;
        while (!open.isEmpty() && progress) {
            List<Pending> retry = new ArrayList<>();
            for (Pending p : open) {
                RecordOutcome outcome = dispatch.apply(p);
                results[p.index()] = toResult(p.eventId(), outcome);
                if (outcome.retryable()) {
                    retry.add(p);
                }
            }
            progress = retry.size() < open.size();
            open = retry;
        }
    }

    private RecordOutcome storeAlone(Pending p) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= properties.attemptsPerEvent(); attempt++) {
            try {
                return transactions.execute(status -> commands.<RecordOutcome>sendAndWait(p.command()));
            } catch (RuntimeException e) {
                last = e;
                conversationCache.remove(p.command().conversationKey());
                log.debug("Attempt {} to store event {} failed", attempt, p.eventId(), e);
            }
        }
        throw new StoreUnavailableException("event " + p.eventId() + " could not be stored after "
                + properties.attemptsPerEvent() + " attempts", last);
    }

    /** The root cause in one short line: driver messages can carry whole event payloads. */
    private static String summary(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int cut = message.lastIndexOf("ERROR:");
        message = cut >= 0 ? message.substring(cut) : message;
        return root.getClass().getSimpleName() + ": " + (message.length() > 200 ? message.substring(0, 200) + "…" : message);
    }

    private static ItemResult toResult(String eventId, RecordOutcome outcome) {
        return switch (outcome.status()) {
            case ACCEPTED -> ItemResult.accepted(eventId);
            case DUPLICATE -> ItemResult.duplicate(eventId);
            case REJECTED -> ItemResult.rejected(eventId, toError(outcome.rejection()));
        };
    }

    private static ItemError toError(Rejection r) {
        return new ItemError(r.code(), r.field(), r.value(), null, r.message(), r.retryable());
    }
}
