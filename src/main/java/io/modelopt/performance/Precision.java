package io.modelopt.performance;

import java.util.List;
import java.util.Locale;

/**
 * Numeric format of weights and arithmetic, with the bytes one parameter takes in memory.
 *
 * <p>{@link #INT4} means 4-bit weights; where the hardware has no 4-bit tensor peak the
 * arithmetic runs in 16-bit (weight-only quantization, as AWQ and GPTQ kernels do).
 */
public enum Precision {

    FP32(4.0),
    /** FP32 storage with TF32 tensor-core arithmetic (Ampere and later). */
    TF32(4.0),
    FP16(2.0),
    BF16(2.0),
    FP8(1.0),
    INT8(1.0),
    INT4(0.5);

    private final double bytesPerParameter;

    Precision(double bytesPerParameter) {
        this.bytesPerParameter = bytesPerParameter;
    }

    public double bytesPerParameter() {
        return bytesPerParameter;
    }

    /** True for the 8-bit formats, whose GEMMs reach a smaller share of peak (fitted factor). */
    public boolean isEightBit() {
        return this == FP8 || this == INT8;
    }

    /**
     * Bytes per element of activations and KV cache: 8-bit formats keep an 8-bit cache (as the
     * FP8 and SmoothQuant recipes do); 4-bit weight-only quantization keeps 16-bit activations.
     */
    public double activationBytes() {
        return this == INT4 ? 2.0 : bytesPerParameter;
    }

    /**
     * Formats to try, in order, when the hardware has no peak for this one: the nearest format
     * with at least this precision first, so a fallback never loses accuracy silently.
     */
    List<Precision> fallbacks() {
        return switch (this) {
            case FP32 -> List.of();
            case TF32 -> List.of(FP32);
            case FP16 -> List.of(BF16, FP32);
            case BF16 -> List.of(FP16, FP32);
            case FP8 -> List.of(FP16, BF16, FP32);
            case INT8 -> List.of(FP16, BF16, FP32);
            case INT4 -> List.of(FP16, BF16, FP32);
        };
    }

    /** Parses "fp16", "FP16", "bf16" ...; also "float16", "half" and "amp" (mixed FP16). */
    public static Precision parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        return switch (key) {
            case "FLOAT32", "SINGLE" -> FP32;
            case "FLOAT16", "HALF", "AMP" -> FP16;
            case "BFLOAT16" -> BF16;
            default -> valueOf(key);
        };
    }
}
