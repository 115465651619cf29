package io.modelopt.performance;

import java.util.Objects;

/**
 * What the performance model needs to know about a model. Every size is nullable where the
 * source does not say: an unknown architecture may give only {@code parametersMillions} and
 * {@code gflopsPerSample}. Counts follow the Hugging Face config names ({@code num_layers},
 * {@code hidden_size}, {@code num_key_value_heads}, {@code intermediate_size} ...).
 *
 * @param name model name, for messages only
 * @param family architecture family
 * @param parametersMillions total parameters (all experts for MoE), millions
 * @param layers transformer or weight layers; for encoder-decoder, layers of each stack
 * @param hiddenSize model width (d_model)
 * @param attentionHeads query heads
 * @param kvHeads key/value heads (grouped-query attention); null means equal to attention heads
 * @param ffnDimension FFN inner width of one expert; null means 4 x hidden
 * @param vocabularySize vocabulary size
 * @param expertsTotal experts per MoE layer
 * @param expertsActive experts each token is routed to
 * @param gflopsPerSample forward GFLOPs of one sample (one image; one sequence for encoders),
 *     counting a multiply-add as 2 FLOPs
 */
public record ModelArchitecture(
        String name,
        Family family,
        Double parametersMillions,
        Integer layers,
        Integer hiddenSize,
        Integer attentionHeads,
        Integer kvHeads,
        Integer ffnDimension,
        Integer vocabularySize,
        Integer expertsTotal,
        Integer expertsActive,
        Double gflopsPerSample) {

    public ModelArchitecture {
        Objects.requireNonNull(family, "family");
        name = name == null ? "unnamed model" : name;
        requirePositive(parametersMillions, "parametersMillions");
        requirePositive(layers, "layers");
        requirePositive(hiddenSize, "hiddenSize");
        requirePositive(attentionHeads, "attentionHeads");
        requirePositive(kvHeads, "kvHeads");
        requirePositive(ffnDimension, "ffnDimension");
        requirePositive(vocabularySize, "vocabularySize");
        requirePositive(expertsTotal, "expertsTotal");
        requirePositive(expertsActive, "expertsActive");
        requirePositive(gflopsPerSample, "gflopsPerSample");
        // Fields are not assigned yet inside a compact constructor: test the parameters.
        boolean shaped = layers != null && hiddenSize != null && attentionHeads != null;
        if (parametersMillions == null && !shaped) {
            throw new IllegalArgumentException(
                    "parametersMillions is required unless layers, hiddenSize and attentionHeads"
                            + " are given");
        }
        if (expertsActive != null && expertsTotal != null && expertsActive > expertsTotal) {
            throw new IllegalArgumentException("expertsActive must not exceed expertsTotal");
        }
    }

    /** A model known only by its size and per-sample work. */
    public static ModelArchitecture opaque(
            String name, Family family, double parametersMillions, Double gflopsPerSample) {
        return new ModelArchitecture(name, family, parametersMillions,
                null, null, null, null, null, null, null, null, gflopsPerSample);
    }

    /** True when layers, width and heads are known, so FLOPs and KV cache can be derived. */
    public boolean hasTransformerShape() {
        return layers != null && hiddenSize != null && attentionHeads != null;
    }

    private static void requirePositive(Number value, String field) {
        if (value != null && !(value.doubleValue() > 0)) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
    }
}
