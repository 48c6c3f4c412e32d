package dev.ufp.mining.reward;

/**
 * What a saved ensemble needs to be loaded and fed: written as {@code descriptor.json} next to the heads' params.
 *
 * @param inputDim      feature width the heads take
 * @param encoder       the sentence encoder the features come from
 * @param features      how inputs were turned into features
 * @param heads         K
 * @param hidden        hidden width of each head
 * @param dropout       dropout rate during training
 * @param objective     {@code love} or {@code pairwise}
 */
public record ModelDescriptor(int inputDim, String encoder, FeatureOptions features, int heads, int hidden,
                              double dropout, TrainingConfig.Objective objective) {

    public static final String FILE = "descriptor.json";
    public static final String MINILM = "all-MiniLM-L6-v2-q (langchain4j 1.19.0-beta29), 384-d, unit length";

    static ModelDescriptor of(TrainingConfig config, int inputDim, String encoder, FeatureOptions features) {
        return new ModelDescriptor(inputDim, encoder, features, config.heads(), config.hidden(), config.dropout(),
                config.objective());
    }
}
