package dev.ufp.mining.curation;

import dev.ufp.mining.dataset.FilterStep;
import dev.ufp.mining.pairs.MinedPair;
import dev.ufp.mining.pairs.MinedSet;
import dev.ufp.projections.followup.SentenceEncoder;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Near-duplicate removal by embedding similarity (cosine of unit sentence vectors): a pair whose chosen and
 * rejected texts are near-identical teaches nothing, and a pair whose two sides both nearly repeat a stronger pair
 * of the same prompt group adds weight without adding information. Each distinct text is embedded once.
 */
public final class NearDuplicateFilter implements CurationStep {

    private final SentenceEncoder encoder;
    private final double threshold;
    private final Progress progress;

    public NearDuplicateFilter(SentenceEncoder encoder, double threshold, Progress progress) {
        this.encoder = encoder;
        this.threshold = threshold;
        this.progress = progress;
    }

    @Override
    public String name() {
        return "near-duplicates";
    }

    @Override
    public String version() {
        return "v1";
    }

    @Override
    public Outcome apply(MinedSet set) {
        Map<String, float[]> vectors = embed(set.pairs());
        List<MinedPair> ordered = new ArrayList<>(set.pairs());
        ordered.sort(MinedPair.STRONGEST_FIRST);
        Map<String, List<MinedPair>> keptByGroup = new HashMap<>();
        Set<String> keptIds = new HashSet<>();
        int identicalSides = 0;
        int repeats = 0;
        for (MinedPair pair : ordered) {
            float[] chosen = vectors.get(pair.pair().chosen().text());
            float[] rejected = vectors.get(pair.pair().rejected().text());
            if (SentenceEncoder.cosine(chosen, rejected) >= threshold) {
                identicalSides++;
                continue;
            }
            List<MinedPair> group = keptByGroup.computeIfAbsent(pair.promptKey(), k -> new ArrayList<>());
            boolean repeat = group.stream().anyMatch(kept ->
                    SentenceEncoder.cosine(chosen, vectors.get(kept.pair().chosen().text())) >= threshold
                            && SentenceEncoder.cosine(rejected, vectors.get(kept.pair().rejected().text())) >= threshold);
            if (repeat) {
                repeats++;
                continue;
            }
            group.add(pair);
            keptIds.add(pair.pair().pairId());
        }
        List<MinedPair> kept = set.pairs().stream().filter(p -> keptIds.contains(p.pair().pairId())).toList();
        return new Outcome(set.with(kept, set.labels()), new FilterStep(name(), version(), set.pairs().size(),
                set.pairs().size() - kept.size(), Map.of("threshold", threshold, "nearIdenticalSides", identicalSides,
                "repeatsOfStrongerPair", repeats, "textsEmbedded", vectors.size())));
    }

    private Map<String, float[]> embed(List<MinedPair> pairs) {
        Set<String> texts = new LinkedHashSet<>();
        pairs.forEach(p -> {
            texts.add(p.pair().chosen().text());
            texts.add(p.pair().rejected().text());
        });
        List<String> list = new ArrayList<>(texts);
        progress.phase("embedding texts for near-duplicate removal", list.size(), "texts");
        Map<String, float[]> vectors = new HashMap<>();
        int batch = 256;
        for (int from = 0; from < list.size(); from += batch) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + batch));
            float[][] encoded = encoder.encodeAll(chunk);
            for (int i = 0; i < chunk.size(); i++) {
                vectors.put(chunk.get(i), encoded[i]);
            }
            progress.advance(chunk.size());
        }
        return vectors;
    }
}
