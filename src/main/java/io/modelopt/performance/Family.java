package io.modelopt.performance;

import java.util.Locale;

/**
 * Architecture family: decides how FLOPs, memory traffic and memory footprint are counted.
 *
 * <p>{@code kernelsPerLayer} is the approximate number of GPU kernels one layer launches when
 * run op by op (eager PyTorch), counted from the reference implementations: a ResNet conv
 * layer is conv, batch-norm and activation (3); a BERT layer is Q, K, V, attention,
 * output projection, two residual adds, two layer norms, two FFN GEMMs and GELU (12);
 * a Llama-style decoder layer adds rotary embedding, RMS norms and a gated FFN (16). The
 * per-kernel cost is fitted per runtime, so fused runtimes are expressed in these units.
 */
public enum Family {

    ENCODER(12),
    DECODER(16),
    /** Encoder stack plus a decoder stack with cross-attention (T5, BART). */
    ENCODER_DECODER(16),
    CNN(3),
    VIT(12),
    /** Decoder whose FFN is a set of experts, a few active per token (Mixtral). */
    MOE(20);

    private final int kernelsPerLayer;

    Family(int kernelsPerLayer) {
        this.kernelsPerLayer = kernelsPerLayer;
    }

    int kernelsPerLayer() {
        return kernelsPerLayer;
    }

    /** True where output tokens are generated one step at a time. */
    public boolean isGenerative() {
        return this == DECODER || this == ENCODER_DECODER || this == MOE;
    }

    /** Parses "decoder", "encoder-decoder", "encoder_decoder", "vit", "moe" ... */
    public static Family parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return valueOf(key);
    }
}
