package io.modelopt.performance.web;

import io.modelopt.catalog.CatalogModel;
import io.modelopt.catalog.Hardware;
import io.modelopt.performance.Family;
import io.modelopt.performance.HardwareSpec;
import io.modelopt.performance.ModelArchitecture;
import io.modelopt.performance.Precision;

/** Turns catalog rows into the performance model's inputs. */
public final class CatalogSpecs {

    private CatalogSpecs() {
    }

    /**
     * A catalog configuration as a spec: per-GPU figures and the whole configuration's price;
     * a CPU-only server ({@code num_gpu} 0) is one device whose figures are the server's.
     */
    public static HardwareSpec toSpec(Hardware h) {
        return HardwareSpec.builder(h.name())
                .generation(h.architecture())
                .deviceCount(Math.max(1, h.numGpu()))
                .cpuOnly(h.cpuOnly())
                .peakTflops(Precision.FP32, h.peakFp32Tflops())
                .peakTflops(Precision.TF32, h.peakTf32Tflops())
                .peakTflops(Precision.FP16, h.peakFp16Tflops())
                .peakTflops(Precision.BF16, h.peakBf16Tflops())
                .peakTflops(Precision.FP8, h.peakFp8Tflops())
                .peakTflops(Precision.INT8, h.peakInt8Tops())
                .memoryGb(h.memoryGb())
                .memoryBandwidthGBps(h.memoryBandwidthGbps())
                .interconnectGBps(orZero(h.interconnectGbps()))
                .tdpWatts(orZero(h.tdpWatts()))
                .priceUsdPerHour(orZero(h.priceUsdPerHour()))
                .graphicsClockMhz(orZero(h.gpuGraphicsClock()))
                .lastLevelCacheMb(orZero(h.lastLevelCacheMb()))
                .build();
    }

    /**
     * A catalog model as an architecture. The catalog counts both stacks of an
     * encoder-decoder model in {@code number_of_hidden_layers} (T5-base: 12 + 12 = 24); the
     * architecture counts the layers of one stack.
     */
    public static ModelArchitecture toArchitecture(CatalogModel m) {
        Family family = Family.parse(m.family());
        Integer layers = m.numberOfHiddenLayers();
        if (family == Family.ENCODER_DECODER && layers != null) {
            layers = Math.max(1, layers / 2);
        }
        return new ModelArchitecture(m.modelName(), family, m.totalParametersMillions(), layers,
                m.embeddingVectorDimension(), m.attentionHeads(), m.kvHeads(), m.ffnDimension(),
                m.vocabularySize(), m.expertsTotal(), m.expertsActive(), m.gflopsPerSample());
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
