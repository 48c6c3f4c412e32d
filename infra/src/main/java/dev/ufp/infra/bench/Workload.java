package dev.ufp.infra.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, deterministic workload of exactly {@code total} events: {@value #INTERLEAVED} conversations are open
 * at a time and their events interleave, as many users chatting at once would produce. Conversation {@code c}
 * belongs to client thread {@code c % threads}, so each thread's stream keeps every conversation in order
 * and no two threads ever touch the same conversation.
 */
final class Workload {

    static final int INTERLEAVED = 256;

    private final List<List<BenchEvent>> perThread;
    private final long total;
    private final long payloadBytes;

    private Workload(List<List<BenchEvent>> perThread, long total, long payloadBytes) {
        this.perThread = perThread;
        this.total = total;
        this.payloadBytes = payloadBytes;
    }

    static Workload generate(String prefix, long seed, long total, int threads) {
        List<List<BenchEvent>> perThread = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            perThread.add(new ArrayList<>((int) (total / threads + 64)));
        }
        SplittableRandom pick = new SplittableRandom(seed);
        List<Deque<BenchEvent>> open = new ArrayList<>(INTERLEAVED);
        long nextConversation = 0;
        long bytes = 0;
        for (long produced = 0; produced < total; produced++) {
            while (open.size() < INTERLEAVED) {
                open.add(new ArrayDeque<>(ConversationScript.events(prefix, seed, nextConversation++)));
            }
            int slot = pick.nextInt(open.size());
            Deque<BenchEvent> conversation = open.get(slot);
            BenchEvent event = conversation.removeFirst();
            if (conversation.isEmpty()) {
                open.set(slot, open.get(open.size() - 1));
                open.remove(open.size() - 1);
            }
            perThread.get((int) (event.conversation() % threads)).add(event);
            bytes += event.json().length;
        }
        return new Workload(perThread, total, bytes);
    }

    List<BenchEvent> stream(int thread) {
        return perThread.get(thread);
    }

    int threads() {
        return perThread.size();
    }

    long total() {
        return total;
    }

    long averageEventBytes() {
        return payloadBytes / total;
    }
}
