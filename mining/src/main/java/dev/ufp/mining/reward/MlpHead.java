package dev.ufp.mining.reward;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;

/** The reward head: {@code features → hidden (ReLU, optional dropout) → 1 logit}. */
public final class MlpHead {

    private MlpHead() {
    }

    public static SequentialBlock block(int hidden, float dropout) {
        SequentialBlock block = new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation::relu);
        if (dropout > 0) {
            block.add(Dropout.builder().optRate(dropout).build());
        }
        return block.add(Linear.builder().setUnits(1).build());
    }
}
