package dev.ufp.mining.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ufp.mining.candidates.CandidateResponse;
import dev.ufp.mining.candidates.ResponseSource;
import dev.ufp.mining.curation.CapFilter;
import dev.ufp.mining.curation.CurationStep;
import dev.ufp.mining.curation.Decontamination;
import dev.ufp.mining.curation.LengthBiasGuard;
import dev.ufp.mining.curation.MarginFilter;
import dev.ufp.mining.curation.NearDuplicateFilter;
import dev.ufp.mining.curation.NoiseFilter;
import dev.ufp.mining.curation.PairJudge;
import dev.ufp.mining.curation.Progress;
import dev.ufp.mining.curation.UserReliabilityFilter;
import dev.ufp.mining.dataset.DatasetManifest;
import dev.ufp.mining.dataset.DatasetPublished;
import dev.ufp.mining.dataset.DatasetStore;
import dev.ufp.mining.dataset.FilterStep;
import dev.ufp.mining.dataset.PreferencePair;
import dev.ufp.mining.dataset.UnpairedLabel;
import dev.ufp.mining.pairs.MinedPair;
import dev.ufp.mining.pairs.MinedSet;
import dev.ufp.mining.pairs.MiningRules;
import dev.ufp.mining.pairs.PairMiner;
import dev.ufp.mining.pairs.Split;
import dev.ufp.projections.followup.SentenceEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One mining run for one tenant: scan the projected responses, mine pairs and labels, curate, save an immutable
 * dataset version and announce it ({@link DatasetPublished}).
 */
public class MiningService {

    private static final Logger log = LoggerFactory.getLogger(MiningService.class);

    private final ResponseSource source;
    private final DatasetStore store;
    private final SentenceEncoder encoder;
    private final PairJudge judge;
    private final ApplicationEventPublisher events;
    private final ObjectMapper mapper;

    public MiningService(ResponseSource source, DatasetStore store, SentenceEncoder encoder, PairJudge judge,
                         ApplicationEventPublisher events, ObjectMapper mapper) {
        this.mapper = mapper;
        this.source = source;
        this.store = store;
        this.encoder = encoder;
        this.judge = judge;
        this.events = events;
    }

    public DatasetManifest run(String tenant, MiningRequest request, MiningJob job) {
        String fingerprint = source.fingerprint(tenant);
        long total = source.count(tenant);
        job.phase("scanning responses", total, "responses");
        List<CandidateResponse> candidates = new ArrayList<>();
        source.scan(tenant, page -> {
            candidates.addAll(page);
            job.advance(page.size());
        });
        log.info("Mining {} for tenant {}: {} candidate responses", request.name(), tenant, candidates.size());
        job.phase("mining pairs", candidates.size(), "responses");
        MinedSet set = new PairMiner(request.rules()).mine(candidates);
        job.completePhase();
        List<CurationStep> steps = steps(tenant, request, job);
        List<FilterStep> reports = new ArrayList<>();
        for (CurationStep step : steps) {
            job.phase("curating: " + step.name(), set.pairs().size(), "pairs");
            CurationStep.Outcome outcome = step.apply(set);
            job.completePhase();
            reports.add(outcome.report());
            log.info("Mining {} for tenant {}: {} kept {} of {} pairs", request.name(), tenant, step.name(),
                    outcome.report().out(), outcome.report().in());
            set = outcome.kept();
        }
        List<PreferencePair> pairs = set.pairs().stream().map(MinedPair::pair).toList();
        job.phase("saving", pairs.size() + set.labels().size(), "rows");
        Optional<DatasetManifest> previous = store.latest(tenant, request.name());
        DatasetManifest saved = store.save(manifest(tenant, request, candidates.size(), set, pairs, reports),
                pairs, set.labels(), fingerprint, json(request));
        job.completePhase();
        log.info("Dataset {} v{} ({}) for tenant {}: {} pairs, {} labels", saved.name(), saved.version(),
                saved.datasetId(), tenant, saved.pairs(), saved.labels());
        events.publishEvent(new DatasetPublished(saved, previous.map(DatasetManifest::datasetId).orElse(null)));
        return saved;
    }

    private String json(MiningRequest request) {
        try {
            return mapper.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the mining request", e);
        }
    }

    private List<CurationStep> steps(String tenant, MiningRequest request, Progress progress) {
        List<CurationStep> steps = new ArrayList<>();
        steps.add(new MarginFilter(request.minMargin()));
        steps.add(new Decontamination(request.evaluationPrompts()));
        steps.add(new UserReliabilityFilter(request.minResponsesSeen(), request.maxLoveRate(),
                request.maxRetractions()));
        steps.add(new NearDuplicateFilter(encoder, request.nearDuplicateThreshold(), progress));
        steps.add(CapFilter.perUser(request.maxPairsPerUser()));
        steps.add(CapFilter.perConversation(request.maxPairsPerConversation()));
        if (request.noiseFilter()) {
            steps.add(new NoiseFilter(judge, tenant, request.noiseThreshold()));
        }
        steps.add(new LengthBiasGuard(request.balanceLength(), 0.05));
        return steps;
    }

    private static DatasetManifest manifest(String tenant, MiningRequest request, long candidates, MinedSet set,
                                            List<PreferencePair> pairs, List<FilterStep> reports) {
        Map<String, String> rules = new TreeMap<>();
        rules.put("miner", MiningRules.VERSION);
        reports.forEach(r -> rules.put(r.name(), r.version()));
        FilterStep lengthBias = reports.get(reports.size() - 1);
        return new DatasetManifest(null, tenant, request.name(), 0, null, rules, set.detectors(),
                request.parameters(), candidates, pairs.size(), set.labels().size(), reports,
                countBy(pairs, PreferencePair::split), countBy(set.labels(), UnpairedLabel::split),
                lengthBias.details());
    }

    private static <T> Map<String, Long> countBy(List<T> rows, Function<T, String> split) {
        Map<String, Long> counts = new TreeMap<>(Map.of(Split.TRAIN, 0L, Split.TEST, 0L));
        counts.putAll(rows.stream().collect(Collectors.groupingBy(split, Collectors.counting())));
        return counts;
    }
}
