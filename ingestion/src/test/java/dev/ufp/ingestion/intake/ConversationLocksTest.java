package dev.ufp.ingestion.intake;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConversationLocksTest {

    private final ConversationLocks locks = new ConversationLocks();

    private static List<String> keys(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void batchesWithoutACommonConversationNeverWaitForEachOther() throws Exception {
        try (AutoCloseable first = locks.lockAll(keys("a:", 500))) {
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                try (AutoCloseable ignored = locks.lockAll(keys("b:", 500))) {
                    assertThat(ignored).isNotNull();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            second.get(5, TimeUnit.SECONDS);
        }
        assertThat(locks.size()).as("locks are dropped once released").isZero();
    }

    @Test
    void aBatchSharingAConversationWaitsUntilTheOtherIsReleased() throws Exception {
        CountDownLatch acquired = new CountDownLatch(1);
        AutoCloseable first = locks.lockAll(List.of("t:c1", "t:c2"));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            try (AutoCloseable ignored = locks.lockAll(List.of("t:c3", "t:c2"))) {
                acquired.countDown();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(acquired.await(300, TimeUnit.MILLISECONDS)).as("blocked while c2 is held").isFalse();
        first.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> acquired.getCount() == 0);
        second.get(5, TimeUnit.SECONDS);
        assertThat(locks.size()).isZero();
    }
}
