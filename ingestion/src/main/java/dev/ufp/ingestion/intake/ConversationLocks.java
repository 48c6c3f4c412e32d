package dev.ufp.ingestion.intake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks held for a whole batch transaction, so that no other batch in this JVM sees (through the
 * aggregate cache) events of a transaction that may still roll back. Stripes are taken in index order: no deadlock.
 */
final class ConversationLocks {

    private final ReentrantLock[] stripes;

    ConversationLocks(int stripeCount) {
        stripes = new ReentrantLock[stripeCount];
        for (int i = 0; i < stripeCount; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    AutoCloseable lockAll(Collection<String> keys) {
        TreeSet<Integer> indexes = new TreeSet<>();
        for (String key : keys) {
            indexes.add(Math.floorMod(key.hashCode(), stripes.length));
        }
        List<ReentrantLock> held = new ArrayList<>(indexes.size());
        for (int index : indexes) {
            stripes[index].lock();
            held.add(stripes[index]);
        }
        return () -> {
            for (int i = held.size() - 1; i >= 0; i--) {
                held.get(i).unlock();
            }
        };
    }
}
