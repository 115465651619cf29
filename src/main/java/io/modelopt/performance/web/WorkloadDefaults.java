package io.modelopt.performance.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.modelopt.catalog.CatalogModel;
import io.modelopt.performance.Family;
import io.modelopt.performance.ModelArchitecture;
import io.modelopt.performance.Precision;
import io.modelopt.performance.Workload;

/**
 * Request defaults shared by the endpoints, stated once: a generative request without lengths
 * is a 512-token prompt with 128 tokens out; an encoder runs at its catalog default sequence
 * length (128 when unknown); precision defaults to the catalog model's, else FP16.
 */
public final class WorkloadDefaults {

    public static final int GENERATIVE_INPUT_TOKENS = 512;
    public static final int GENERATIVE_OUTPUT_TOKENS = 128;
    public static final int ENCODER_SEQUENCE_LENGTH = 128;

    private WorkloadDefaults() {
    }

    public static int inputTokens(Integer requested, ModelArchitecture model,
            CatalogModel catalog) {
        if (requested != null) {
            return requested;
        }
        Family family = model.family();
        if (family.isGenerative()) {
            return GENERATIVE_INPUT_TOKENS;
        }
        if (family == Family.CNN || family == Family.VIT) {
            return 0;
        }
        if (catalog != null && catalog.defaultSequenceLength() != null) {
            return catalog.defaultSequenceLength();
        }
        return ENCODER_SEQUENCE_LENGTH;
    }

    public static int outputTokens(Integer requested, ModelArchitecture model) {
        if (requested != null) {
            return requested;
        }
        return model.family().isGenerative() ? GENERATIVE_OUTPUT_TOKENS : 0;
    }

    public static Precision precision(CatalogModel catalog) {
        if (catalog != null && catalog.precision() != null) {
            try {
                return Precision.parse(catalog.precision());
            } catch (IllegalArgumentException e) {
                return Precision.FP16;
            }
        }
        return Precision.FP16;
    }

    /** The workload as used, for the response: the defaults applied are visible. */
    public static Map<String, Object> describe(Workload w) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("model", w.model().name());
        f.put("family", w.model().family().name().toLowerCase(java.util.Locale.ROOT));
        f.put("task_type", w.task().name().toLowerCase(java.util.Locale.ROOT));
        f.put("precision", w.precision().name());
        f.put("batch_size", w.batchSize().isAuto() ? "auto" : w.batchSize().value());
        f.put("input_tokens", w.inputTokens());
        f.put("output_tokens", w.outputTokens());
        f.put("runtime", w.runtime().name().toLowerCase(java.util.Locale.ROOT));
        return f;
    }
}
