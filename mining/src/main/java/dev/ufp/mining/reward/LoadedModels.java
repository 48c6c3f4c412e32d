package dev.ufp.mining.reward;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The most recently used loaded models, at most {@code capacity}, each reference-counted: the cache holds one
 * reference, every scoring call one more while it runs. A model evicted (or replaced by a concurrent load of the
 * same key) loses the cache's reference and is closed when the last call using it releases it — its native
 * memory is freed, but never under a running call.
 */
final class LoadedModels<M extends AutoCloseable> {

    private final int capacity;
    private final Map<String, Counted<M>> loaded;

    LoadedModels(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("feedback.reward.loaded-models must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
        this.loaded = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** A model in use; closing the lease releases it (and closes the model if it was evicted meanwhile). */
    interface Lease<M> extends AutoCloseable {
        M model();

        @Override
        void close();
    }

    /** Leases the model under {@code key}, loading it outside the lock when absent; empty when it does not exist. */
    Optional<Lease<M>> lease(String key, Function<String, Optional<M>> load) {
        synchronized (loaded) {
            Counted<M> known = loaded.get(key);
            if (known != null) {
                return Optional.of(known.retain());
            }
        }
        Optional<M> fresh = load.apply(key);
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        Counted<M> counted = new Counted<>(fresh.get());
        synchronized (loaded) {
            Counted<M> raced = loaded.get(key);
            if (raced != null) {
                // another call loaded it first: use theirs, drop ours
                Lease<M> lease = raced.retain();
                counted.release();
                return Optional.of(lease);
            }
            loaded.put(key, counted);
            Lease<M> lease = counted.retain();
            while (loaded.size() > capacity) {
                var eldest = loaded.entrySet().iterator();
                Counted<M> evicted = eldest.next().getValue();
                eldest.remove();
                evicted.release();
            }
            return Optional.of(lease);
        }
    }

    int size() {
        synchronized (loaded) {
            return loaded.size();
        }
    }

    /** Releases the cache's reference of every model (at shutdown); models in use close when released. */
    void clear() {
        synchronized (loaded) {
            loaded.values().forEach(Counted::release);
            loaded.clear();
        }
    }

    private static final class Counted<M extends AutoCloseable> {

        private final M model;
        private int references = 1;

        Counted(M model) {
            this.model = model;
        }

        synchronized Lease<M> retain() {
            references++;
            return new Lease<>() {
                private boolean released;

                @Override
                public M model() {
                    return model;
                }

                @Override
                public void close() {
                    if (!released) {
                        released = true;
                        release();
                    }
                }
            };
        }

        void release() {
            boolean last;
            synchronized (this) {
                last = --references == 0;
            }
            if (last) {
                try {
                    model.close();
                } catch (Exception e) {
                    throw new IllegalStateException("closing an evicted model failed: " + e.getMessage(), e);
                }
            }
        }
    }
}
