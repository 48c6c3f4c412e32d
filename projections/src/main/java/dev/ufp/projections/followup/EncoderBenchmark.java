package dev.ufp.projections.followup;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Sentences/s of langchain4j's MiniLM against {@link OnnxMiniLmEncoder}, same texts, same JVM, rounds
 * interleaved so that load from other processes hits all encoders alike (BENCHMARKS.md, "Sentence encoder").
 * Args: {@code [texts=2000] [rounds=3] [maxBatch...=1 32]}. Prints the median sentences/s and process CPU
 * time per sentence, their ratios to langchain4j, and the minimum cosine to langchain4j's vector of a text.
 */
public final class EncoderBenchmark {

    private static final String[] FOLLOW_UPS = {
            "thanks!", "that's wrong", "can you explain that again?", "ok", "what about Paris?", "no, in Python",
            "perfect, exactly what I needed", "you didn't answer my question", "more detail please", "why?",
            "that doesn't work, I get a NullPointerException", "great, and how do I test it?", "lol", "hmm",
            "please shorter", "I asked for the opposite", "cool", "is that really true?", "bye", "try again"};
    private static final String[] WORDS = ("the a to of and in is it you that for on with as this be are can your "
            + "list function value return python java error event stream service query index result answer data "
            + "projection document classifier response user prompt model latency batch thread memory request "
            + "because however therefore example instead first then finally usually should would could might "
            + "configure install reverse sort filter merge update delete create explain compare measure improve "
            + "quickly carefully simple complex large small fast slow correct wrong important useful").split(" ");

    private EncoderBenchmark() {
    }

    /** Short follow-ups (about a third) and 50–150-word responses, fixed seed. */
    static List<String> realisticTexts(int count, long seed) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (random.nextInt(3) == 0) {
                texts.add(FOLLOW_UPS[random.nextInt(FOLLOW_UPS.length)] + (random.nextBoolean() ? "" : " " + i));
                continue;
            }
            int words = 50 + random.nextInt(101);
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < words; w++) {
                String word = WORDS[random.nextInt(WORDS.length)];
                sb.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                sb.append(random.nextInt(12) == 0 ? ". " : random.nextInt(15) == 0 ? ", " : " ");
            }
            texts.add(sb.toString().trim() + ".");
        }
        return texts;
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Integer> batches = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            batches.add(Integer.parseInt(args[i]));
        }
        if (batches.isEmpty()) {
            batches = List.of(1, 32);
        }
        List<String> texts = realisticTexts(count, 42);
        System.out.printf("%d texts, %d rounds, encoders interleaved within each round, %d processors%n",
                count, rounds, Runtime.getRuntime().availableProcessors());

        List<String> labels = new ArrayList<>(List.of("langchain4j (1 inference per text)"));
        List<SentenceEncoder> encoders = new ArrayList<>(List.of(LangChain4jMiniLmEncoder.load()));
        for (int maxBatch : batches) {
            labels.add("OnnxMiniLmEncoder, maxBatch " + maxBatch);
            encoders.add(OnnxMiniLmEncoder.load(maxBatch));
        }
        List<float[][]> vectors = new ArrayList<>();
        for (SentenceEncoder encoder : encoders) {
            vectors.add(encoder.encodeAll(texts));    // warm-up round, also the vectors compared below
        }
        double[][] rates = new double[encoders.size()][rounds];
        double[][] cpuMs = new double[encoders.size()][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int e = 0; e < encoders.size(); e++) {
                long cpu = processCpuNanos();
                long start = System.nanoTime();
                encoders.get(e).encodeAll(texts);
                rates[e][round] = texts.size() / ((System.nanoTime() - start) / 1e9);
                cpuMs[e][round] = (processCpuNanos() - cpu) / 1e6 / texts.size();
            }
        }
        double reference = median(rates[0]);
        double referenceCpu = median(cpuMs[0]);
        System.out.println("sentences/s: wall clock, median of the rounds; CPU: process CPU time (all threads, "
                + "ONNX Runtime's included) per sentence, median");
        System.out.printf("%-36s %12s %7s %12s %7s %10s%n", "encoder", "sentences/s", "ratio", "CPU ms/sent",
                "ratio", "min cos");
        for (int e = 0; e < encoders.size(); e++) {
            double min = 1;
            for (int i = 0; i < texts.size(); i++) {
                min = Math.min(min, SentenceEncoder.cosine(vectors.get(e)[i], vectors.get(0)[i]));
            }
            System.out.printf("%-36s %12.1f %6.2fx %12.2f %6.2fx %10.6f   sentences/s by round %s%n",
                    labels.get(e), median(rates[e]), median(rates[e]) / reference, median(cpuMs[e]),
                    referenceCpu / median(cpuMs[e]), min,
                    Arrays.toString(Arrays.stream(rates[e]).mapToLong(Math::round).toArray()));
        }
        encoders.stream().filter(OnnxMiniLmEncoder.class::isInstance).map(OnnxMiniLmEncoder.class::cast)
                .forEach(OnnxMiniLmEncoder::close);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
