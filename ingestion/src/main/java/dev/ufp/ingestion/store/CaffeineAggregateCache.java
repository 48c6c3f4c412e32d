package dev.ufp.ingestion.store;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A bounded Axon aggregate cache on Caffeine (Axon 4 ships adapters for EhCache and JCache only). Null keys are
 * ignored: Axon passes the null identifier of a new aggregate that decided to apply no event.
 * <p>
 * Every aggregate put while a Spring transaction is active is also pinned in a map bound to that transaction,
 * and reads inside the transaction see the pinned entry first, so an aggregate the transaction already wrote
 * is never evicted under it and re-read from the store: with Hibernate flushing only at commit (see
 * {@code IngestService}), such a read would miss the transaction's own unflushed events.
 */
final class CaffeineAggregateCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> delegate;
    private final Object pinnedKey = new Object();

    CaffeineAggregateCache(long maxEntries, Duration expireAfterAccess) {
        this.delegate = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterAccess(expireAfterAccess)
                .build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        if (key == null) {
            return null;
        }
        Map<Object, Object> pinned = pinned(false);
        Object value = pinned == null ? null : pinned.get(key);
        return (V) (value != null ? value : delegate.getIfPresent(key));
    }

    @Override
    public void put(Object key, Object value) {
        if (key == null) {
            return;
        }
        delegate.put(key, value);
        pin(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        if (key == null || get(key) != null) {
            return false;
        }
        put(key, value);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T existing = get(key);
        if (existing != null || key == null) {
            return existing != null ? existing : valueSupplier.get();
        }
        T value = (T) delegate.get(key, k -> valueSupplier.get());
        pin(key, value);
        return value;
    }

    @Override
    public boolean remove(Object key) {
        if (key == null) {
            return false;
        }
        Map<Object, Object> pinned = pinned(false);
        boolean wasPinned = pinned != null && pinned.remove(key) != null;
        return delegate.asMap().remove(key) != null || wasPinned;
    }

    @Override
    public void removeAll() {
        Map<Object, Object> pinned = pinned(false);
        if (pinned != null) {
            pinned.clear();
        }
        delegate.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        V current = get(key);
        if (current != null) {
            put(key, update.apply(current));
        }
    }

    private void pin(Object key, Object value) {
        Map<Object, Object> pinned = pinned(true);
        if (pinned != null && value != null) {
            pinned.put(key, value);
        }
    }

    /** The entries pinned by the current transaction; none outside one. */
    @SuppressWarnings("unchecked")
    private Map<Object, Object> pinned(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<Object, Object> pinned = (Map<Object, Object>) TransactionSynchronizationManager.getResource(pinnedKey);
        if (pinned == null && create) {
            Map<Object, Object> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(pinnedKey, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(pinnedKey);
                }
            });
            pinned = fresh;
        }
        return pinned;
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener entryListener) {
        throw new UnsupportedOperationException("the aggregate cache does not publish entry events");
    }

    long size() {
        return delegate.estimatedSize();
    }

    /** Runs pending evictions now (Caffeine evicts asynchronously). */
    void cleanUpForTest() {
        delegate.cleanUp();
    }
}
