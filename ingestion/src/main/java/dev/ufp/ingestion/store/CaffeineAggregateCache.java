package dev.ufp.ingestion.store;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A bounded Axon aggregate cache on Caffeine (Axon 4 ships adapters for EhCache and JCache only). Null keys are
 * ignored: Axon passes the null identifier of a new aggregate that decided to apply no event.
 */
final class CaffeineAggregateCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> delegate;

    CaffeineAggregateCache(long maxEntries, Duration expireAfterAccess) {
        this.delegate = Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterAccess(expireAfterAccess)
                .build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return key == null ? null : (V) delegate.getIfPresent(key);
    }

    @Override
    public void put(Object key, Object value) {
        if (key != null) {
            delegate.put(key, value);
        }
    }


    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return key != null && delegate.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) delegate.get(key, k -> valueSupplier.get());
    }

    @Override
    public boolean remove(Object key) {
        return key != null && delegate.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        delegate.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return key != null && delegate.asMap().containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        if (key == null) {
            return;
        }
        delegate.asMap().computeIfPresent(key, (k, v) -> update.apply((V) v));
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener entryListener) {
        throw new UnsupportedOperationException("the aggregate cache does not publish entry events");
    }

    long size() {
        return delegate.estimatedSize();
    }
}
