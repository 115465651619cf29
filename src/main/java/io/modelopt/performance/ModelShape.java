package io.modelopt.performance;

import java.util.ArrayList;
import java.util.List;

/**
 * Sizes derived once from a {@link ModelArchitecture}: parameters by role, KV cache per token,
 * attention width. Counts are parameters (not bytes) and elements.
 */
final class ModelShape {

    /**
     * CNN feature-map elements per forward GFLOP, from ResNet-50 v1.5: its conv outputs sum to
     * 11.11 M elements per 224x224 image (counted from the layer shapes) for 8.18 GFLOPs.
     */
    static final double CNN_ACTIVATIONS_PER_GFLOP = 11.11e6 / 8.18;

    /**
     * Live CNN activations as a share of all feature maps: the two largest consecutive maps
     * (ResNet-50's 112x112x64 stem output and its input) are 1.6 M of 11.11 M elements.
     */
    static final double CNN_LIVE_SHARE = 0.145;

    /**
     * GEMM rows per image of a CNN: ResNet-50 carries its largest FLOP share in the 14x14
     * stage, whose implicit GEMMs have 196 rows per image.
     */
    static final int CNN_ROWS_PER_SAMPLE = 196;

    /** Tokens of a ViT-B/16 at 224x224: 14 x 14 patches plus the class token. */
    static final int VIT_DEFAULT_TOKENS = 197;

    final Family family;
    final int layers;
    final double hidden;
    final double ffn;
    final double totalParams;
    final double lmHeadParams;
    /** Parameters of one prompt-processing layer stack touched per token (active experts). */
    final double prefillLayerParams;
    /** Parameters of the generating layer stack touched per token (active experts). */
    final double decodeLayerParams;
    /** Attention part of the decode stack (read every step whatever the routing). */
    final double decodeDenseParams;
    /** One expert's FFN over all layers; 0 for dense models. */
    final double expertParams;
    final int experts;
    final int activeExperts;
    final double kvElementsPerToken;
    final int heads;
    final int kvHeads;
    final Double gflopsPerSample;
    final List<String> notes;

    private ModelShape(Builder b) {
        family = b.family;
        layers = b.layers;
        hidden = b.hidden;
        ffn = b.ffn;
        totalParams = b.totalParams;
        lmHeadParams = b.lmHeadParams;
        prefillLayerParams = b.prefillLayerParams;
        decodeLayerParams = b.decodeLayerParams;
        decodeDenseParams = b.decodeDenseParams;
        expertParams = b.expertParams;
        experts = b.experts;
        activeExperts = b.activeExperts;
        kvElementsPerToken = b.kvElementsPerToken;
        heads = b.heads;
        kvHeads = b.kvHeads;
        gflopsPerSample = b.gflopsPerSample;
        notes = List.copyOf(b.notes);
    }

    static ModelShape of(ModelArchitecture model) {
        Builder b = new Builder(model);
        if (model.hasTransformerShape() && model.family() != Family.CNN) {
            b.fromArchitecture(model);
        } else {
            b.opaque(model);
        }
        return new ModelShape(b);
    }

    boolean hasLayers() {
        return layers > 0;
    }

    boolean hasAttention() {
        return hidden > 0 && family != Family.CNN;
    }

    /** Mutable scratch for the derivation; never escapes this class. */
    private static final class Builder {

        private final Family family;
        private int layers;
        private double hidden;
        private double ffn;
        private double totalParams;
        private double lmHeadParams;
        private double prefillLayerParams;
        private double decodeLayerParams;
        private double decodeDenseParams;
        private double expertParams;
        private int experts = 1;
        private int activeExperts = 1;
        private double kvElementsPerToken;
        private int heads;
        private int kvHeads;
        private final Double gflopsPerSample;
        private final List<String> notes = new ArrayList<>();

        Builder(ModelArchitecture model) {
            family = model.family();
            gflopsPerSample = model.gflopsPerSample();
            layers = model.layers() == null ? 0 : model.layers();
        }

        void opaque(ModelArchitecture model) {
            totalParams = model.parametersMillions() * 1e6;
            prefillLayerParams = totalParams;
            decodeLayerParams = totalParams;
            decodeDenseParams = totalParams;
            if (family.isGenerative()) {
                notes.add("architecture unknown: per-token FLOPs taken as 2 x parameters and"
                        + " the KV cache is not counted");
            }
            if (layers == 0) {
                notes.add("layer count unknown: kernel-launch overhead is not counted, so small"
                        + " batches are estimated optimistically");
            }
        }

        void fromArchitecture(ModelArchitecture m) {
            hidden = m.hiddenSize();
            int heads = m.attentionHeads();
            int kvHeads = m.kvHeads() == null ? heads : m.kvHeads();
            double headDim = hidden / heads;
            ffn = m.ffnDimension() == null ? 4 * hidden : m.ffnDimension();
            experts = m.expertsTotal() == null ? 1 : m.expertsTotal();
            activeExperts = m.expertsActive() == null ? Math.min(2, experts) : m.expertsActive();
            if (family != Family.MOE) {
                experts = 1;
                activeExperts = 1;
            }
            double attention = 2 * hidden * hidden + 2 * hidden * kvHeads * headDim;
            double vocabulary = m.vocabularySize() == null ? 0 : m.vocabularySize();
            Layout layout = Layout.closest(m, attention, hidden, ffn, experts, vocabulary);
            double expertFfn = layout.ffnMatrices * hidden * ffn;
            double encoderLayer = attention + expertFfn * experts;
            double decoderLayer = family == Family.ENCODER_DECODER
                    ? 2 * attention + expertFfn : encoderLayer;
            double decoderActive = decoderLayer - expertFfn * (experts - activeExperts);
            double embedding = vocabulary * hidden;
            lmHeadParams = family.isGenerative() ? embedding : 0;
            boolean encDec = family == Family.ENCODER_DECODER;
            double stacks = encDec ? layers * (encoderLayer + decoderLayer) : layers * encoderLayer;
            totalParams = stacks + embedding * (layout.tiedHead ? 1 : 2);
            if (m.parametersMillions() != null) {
                totalParams = m.parametersMillions() * 1e6;
            }
            prefillLayerParams = layers * (encDec ? encoderLayer : decoderActive);
            decodeLayerParams = layers * decoderActive;
            boolean moe = family == Family.MOE;
            decodeDenseParams = layers * (decoderActive - (moe ? expertFfn * activeExperts : 0));
            expertParams = moe ? layers * expertFfn : 0;
            heads = m.attentionHeads();
            this.kvHeads = kvHeads;
            // Decoder layers cache K and V for every context token; for encoder-decoder models
            // the prompt's tokens are cached as cross-attention K and V of the same size.
            kvElementsPerToken = 2.0 * layers * kvHeads * headDim;
        }
    }

    /**
     * Whether the FFN is gated (3 matrices, as in Llama) or not (2, as in BERT and GPT-J), and
     * whether the output head shares the embedding: the combination whose parameter count is
     * closest to the stated total. Without a stated total: gated for decoders, tied otherwise.
     */
    private record Layout(int ffnMatrices, boolean tiedHead) {

        static Layout closest(ModelArchitecture m, double attention, double hidden, double ffn,
                int experts, double vocabulary) {
            if (m.parametersMillions() == null) {
                boolean decoder = m.family() == Family.DECODER || m.family() == Family.MOE;
                return new Layout(decoder ? 3 : 2, !decoder);
            }
            double stated = m.parametersMillions() * 1e6;
            Layout best = null;
            double bestError = Double.MAX_VALUE;
            for (int matrices = 2; matrices <= 3; matrices++) {
                for (int tied = 0; tied <= 1; tied++) {
                    double layer = attention + matrices * hidden * ffn * experts;
                    double total = m.layers() * layer + vocabulary * hidden * (2 - tied);
                    if (m.family() == Family.ENCODER_DECODER) {
                        total += m.layers() * (layer + attention);
                    }
                    double error = Math.abs(total - stated);
                    if (error < bestError) {
                        bestError = error;
                        best = new Layout(matrices, tied == 1);
                    }
                }
            }
            return best;
        }
    }
}
