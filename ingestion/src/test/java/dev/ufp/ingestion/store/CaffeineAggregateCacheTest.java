package dev.ufp.ingestion.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CaffeineAggregateCacheTest {

    private final CaffeineAggregateCache cache = new CaffeineAggregateCache(1, Duration.ofMinutes(1));

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            complete(TransactionSynchronization.STATUS_ROLLED_BACK);
        }
    }

    @Test
    void aggregatesPutDuringATransactionSurviveEvictionUntilItCompletes() {
        TransactionSynchronizationManager.initSynchronization();
        for (int i = 0; i < 1_000; i++) {
            cache.put("conversation-" + i, "state-" + i);
        }
        cache.put("conversation-0", "state-0b");

        for (int i = 1; i < 1_000; i++) {
            assertThat(cache.<String, String>get("conversation-" + i)).isEqualTo("state-" + i);
        }
        assertThat(cache.<String, String>get("conversation-0")).isEqualTo("state-0b");
        assertThat(cache.containsKey("conversation-500")).isTrue();

        complete(TransactionSynchronization.STATUS_COMMITTED);
        cache.cleanUpForTest();
        assertThat(cache.size()).isLessThanOrEqualTo(1);
    }

    @Test
    void removeDuringATransactionAlsoUnpins() {
        TransactionSynchronizationManager.initSynchronization();
        cache.put("a", "1");
        cache.put("b", "2");
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.<String, String>get("a")).isNull();
    }

    @Test
    void outsideATransactionNothingIsPinnedAndNullKeysAreIgnored() {
        cache.put(null, "ignored");
        assertThat(cache.<String, String>get(null)).isNull();
        assertThat(cache.remove(null)).isFalse();
        for (int i = 0; i < 1_000; i++) {
            cache.put("conversation-" + i, "state-" + i);
        }
        cache.cleanUpForTest();
        assertThat(cache.size()).isLessThanOrEqualTo(1);
    }

    private static void complete(int status) {
        var synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        synchronizations.forEach(s -> s.afterCompletion(status));
    }
}
