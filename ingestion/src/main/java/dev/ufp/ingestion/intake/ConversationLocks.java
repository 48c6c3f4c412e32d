package dev.ufp.ingestion.intake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-conversation locks held for a whole batch transaction, so that no other batch in this JVM sees (through the
 * aggregate cache) events of a transaction that may still roll back. One lock per conversation key, created on
 * demand and dropped when nobody holds or waits for it: batches that share no conversation never wait for each
 * other (striped locks made unrelated batches collide and ran them one at a time). Keys are locked in sorted
 * order, so two batches cannot deadlock.
 */
final class ConversationLocks {

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    private final ConcurrentHashMap<String, Entry> locks = new ConcurrentHashMap<>();

    AutoCloseable lockAll(Collection<String> keys) {
        List<String> sorted = keys.stream().distinct().sorted().toList();
        List<String> held = new ArrayList<>(sorted.size());
        try {
            for (String key : sorted) {
                Entry entry = locks.compute(key, (k, existing) -> {
                    Entry e = existing == null ? new Entry() : existing;
                    e.users++;
                    return e;
                });
                held.add(key);
                entry.lock.lock();
            }
        } catch (RuntimeException | Error e) {
            release(held);
            throw e;
        }
        return () -> release(held);
    }

    int size() {
        return locks.size();
    }

    private void release(List<String> held) {
        for (int i = held.size() - 1; i >= 0; i--) {
            locks.computeIfPresent(held.get(i), (k, entry) -> {
                if (entry.lock.isHeldByCurrentThread()) {
                    entry.lock.unlock();
                }
                return --entry.users == 0 ? null : entry;
            });
        }
    }
}
