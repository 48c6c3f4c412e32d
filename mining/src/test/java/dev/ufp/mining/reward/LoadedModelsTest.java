package dev.ufp.mining.reward;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Evicted models are closed (their native memory freed), but never while a scoring call uses them. */
class LoadedModelsTest {

    /** Stands in for an ensemble: scoring a closed one fails, as a closed DJL model would. */
    static final class Model implements AutoCloseable {
        final String name;
        final AtomicInteger closes = new AtomicInteger();

        Model(String name) {
            this.name = name;
        }

        String score() {
            if (closes.get() > 0) {
                throw new IllegalStateException(name + " is closed");
            }
            return name + " scored";
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    private final Model a = new Model("a");
    private final Model b = new Model("b");

    private Optional<Model> load(String key) {
        return Optional.of(key.equals("a") ? a : b);
    }

    @Test
    void theEvictedModelIsClosedOnce() {
        LoadedModels<Model> cache = new LoadedModels<>(1);
        try (var lease = cache.lease("a", this::load).orElseThrow()) {
            assertThat(lease.model().score()).isEqualTo("a scored");
        }
        assertThat(a.closes).as("kept while cached").hasValue(0);
        try (var lease = cache.lease("b", this::load).orElseThrow()) {
            assertThat(lease.model().score()).isEqualTo("b scored");
        }
        assertThat(a.closes).as("evicted by b, no call using it: closed").hasValue(1);
        assertThat(b.closes).hasValue(0);
        assertThat(cache.size()).isOne();
        cache.clear();
        assertThat(b.closes).hasValue(1);
        assertThat(a.closes).hasValue(1);
    }

    @Test
    void aScoreInFlightKeepsItsModelUntilItEnds() throws Exception {
        LoadedModels<Model> cache = new LoadedModels<>(1);
        CountDownLatch scoring = new CountDownLatch(1);
        CountDownLatch evicted = new CountDownLatch(1);
        CompletableFuture<String> inFlight = CompletableFuture.supplyAsync(() -> {
            try (var lease = cache.lease("a", this::load).orElseThrow()) {
                scoring.countDown();
                await(evicted);
                return lease.model().score();
            }
        });
        assertThat(scoring.await(10, TimeUnit.SECONDS)).isTrue();
        try (var lease = cache.lease("b", this::load).orElseThrow()) {
            assertThat(lease.model().score()).isEqualTo("b scored");
        }
        assertThat(a.closes).as("evicted, but a call is still scoring with it").hasValue(0);
        evicted.countDown();
        assertThat(inFlight.get(10, TimeUnit.SECONDS)).isEqualTo("a scored");
        assertThat(a.closes).as("closed when the last call released it").hasValue(1);
    }

    @Test
    void aMissingModelIsEmptyAndCachesNothing() {
        LoadedModels<Model> cache = new LoadedModels<>(1);
        assertThat(cache.lease("x", key -> Optional.empty())).isEmpty();
        assertThat(cache.size()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
