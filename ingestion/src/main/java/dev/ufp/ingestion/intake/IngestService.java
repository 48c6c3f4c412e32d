package dev.ufp.ingestion.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ufp.ingestion.contract.EventMetadata;
import dev.ufp.ingestion.contract.FeedbackEvent;
import dev.ufp.ingestion.contract.UserAttributed;
import dev.ufp.ingestion.conversation.RecordEventsCommand;
import dev.ufp.ingestion.conversation.RecordOutcome;
import dev.ufp.ingestion.conversation.Rejection;
import dev.ufp.ingestion.problem.FieldViolation;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Stores a batch of submitted events with exact per-item results. The batch's events are grouped by conversation
 * (submission order kept within each) and each conversation gets one command; the whole batch runs as one
 * transaction (cheap: Hibernate batches the inserts). If that transaction fails for any reason, the aggregates
 * it touched are evicted from the cache and each conversation is redone in its own transaction, so a failure
 * never loses or duplicates events of other conversations. Within a conversation, an event whose target comes
 * later in the batch (a reaction listed before its response) is decided after it, by the aggregate.
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
    private final ConversationLocks locks = new ConversationLocks();
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

    /** A conversation's valid events of this batch and their positions in the request. */
    private record Group(String conversationId, List<Integer> indexes, List<FeedbackEvent> events) {
    }

    public IngestProperties limits() {
        return properties;
    }

    public List<ItemResult> ingest(IngestSource source, List<JsonNode> items) {
        ItemResult[] results = new ItemResult[items.size()];
        Map<String, Group> groups = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            EventParser.Parsed parsed = parser.parse(items.get(i));
            if (parsed instanceof EventParser.Valid valid) {
                FeedbackEvent event = pseudonymized(source, valid.event());
                Group group = groups.computeIfAbsent(event.conversationId(),
                        id -> new Group(id, new ArrayList<>(), new ArrayList<>()));
                group.indexes().add(i);
                group.events().add(event);
            } else {
                results[i] = ItemResult.rejected(parsed.eventId(), ((EventParser.Invalid) parsed).error());
            }
        }
        if (!groups.isEmpty()) {
            Map<String, String> metadata = Map.of(EventMetadata.TENANT, source.tenant(),
                    EventMetadata.CHANNEL, source.channel(), EventMetadata.KEY_ID, source.keyId());
            List<RecordEventsCommand> commands = groups.values().stream()
                    .map(g -> RecordEventsCommand.of(source.tenant(), g.conversationId(), g.events(), metadata))
                    .toList();
            store(commands, List.copyOf(groups.values()), results);
        }
        List<ItemResult> outcome = List.of(results);
        metrics.record(source.channel(), outcome);
        return outcome;
    }

    private FeedbackEvent pseudonymized(IngestSource source, FeedbackEvent event) {
        return event instanceof UserAttributed attributed
                ? attributed.withUserId(pseudonymizer.pseudonymize(source.tenant(), attributed.userId()))
                : event;
    }

    private void store(List<RecordEventsCommand> commands, List<Group> groups, ItemResult[] results) {
        List<String> keys = commands.stream().map(RecordEventsCommand::conversationKey).toList();
        writers.acquireUninterruptibly();
        try (AutoCloseable ignored = locks.lockAll(keys)) {
            try {
                transactions.executeWithoutResult(status -> {
                    flushAtCommitOnly();
                    for (int g = 0; g < commands.size(); g++) {
                        record(groups.get(g), this.commands.sendAndWait(commands.get(g)), results);
                    }
                });
            } catch (RuntimeException batchFailure) {
                keys.forEach(conversationCache::remove);
                log.info("Batch of {} conversations fell back to one transaction per conversation: {}",
                        commands.size(), StoreFailure.summary(batchFailure));
                metrics.fallback();
                for (int g = 0; g < commands.size(); g++) {
                    storeAlone(commands.get(g), groups.get(g), results);
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception unlock) {
            throw new IllegalStateException(unlock);
        } finally {
            writers.release();
        }
    }

    private static void record(Group group, List<RecordOutcome> outcomes, ItemResult[] results) {
        for (int e = 0; e < outcomes.size(); e++) {
            results[group.indexes().get(e)] = toResult(group.events().get(e).eventId(), outcomes.get(e));
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

    /**
     * Stores one conversation in its own transaction, retried. A failure caused by the conversation's own data
     * (the database refuses a value) rejects its events and leaves the rest of the batch alone; a failure of the
     * store itself, still there after the retries, fails the request.
     */
    private void storeAlone(RecordEventsCommand command, Group group, ItemResult[] results) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= properties.attemptsPerConversation(); attempt++) {
            try {
                record(group, transactions.execute(status -> commands.<List<RecordOutcome>>sendAndWait(command)),
                        results);
                return;
            } catch (RuntimeException e) {
                last = e;
                conversationCache.remove(command.conversationKey());
                log.debug("Attempt {} to store {} events of {} failed", attempt, command.events().size(),
                        command.conversationKey(), e);
                Optional<String> refusal = StoreFailure.refusedData(e);
                if (refusal.isPresent()) {
                    log.info("The store refused the {} events of {} ({}); the rest of the batch goes on",
                            command.events().size(), command.conversationKey(), refusal.get());
                    metrics.refused(command.events().size());
                    refuse(group, refusal.get(), results);
                    return;
                }
            }
        }
        throw new StoreUnavailableException("events of conversation " + command.conversationKey()
                + " could not be stored after " + properties.attemptsPerConversation() + " attempts", last);
    }

    private static void refuse(Group group, String refusal, ItemResult[] results) {
        for (int e = 0; e < group.events().size(); e++) {
            ItemError error = new ItemError("unstorable", "conversationId",
                    FieldViolation.echo(group.conversationId()), "values the event store accepts (" + refusal + ")",
                    "the event store refused this conversation's events of the batch; nothing of it was stored, "
                            + "the other conversations of the batch were", false);
            results[group.indexes().get(e)] = ItemResult.rejected(group.events().get(e).eventId(), error);
        }
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
