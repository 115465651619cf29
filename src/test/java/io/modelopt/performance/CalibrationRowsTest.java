package io.modelopt.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import org.junit.jupiter.api.Test;

/**
 * The fitted model against single rows of calibration-measurements.csv, each named by its
 * case_id, within a tolerance of 25% (the fit's p90 error is about 27%; these rows sit near
 * the median, so a larger miss means a regression, not noise).
 */
class CalibrationRowsTest {

    private static final double TOLERANCE_PERCENT = 25;
    private final PerformanceModel model = PerformanceModel.fitted();

    @Test
    void bertLargeOnA100MatchesTensorRtDemoBert() {
        // trtbert-a100-bert-large-fp16-s128-b128: 51.61 ms
        Estimate e = model.estimate(new Workload(TestModels.BERT_LARGE, TaskType.INFERENCE,
                Precision.FP16, BatchSize.of(128), 128, 0, Runtime.TENSORRT),
                TestHardware.named("A100-SXM4-40GB"), null);

        assertThat(e.latencyMs()).isCloseTo(51.61, withPercentage(TOLERANCE_PERCENT));
    }

    @Test
    void llama7bFirstTokenOnA100MatchesTensorRtLlm() {
        // trtllm05-a100-llama7b-ftl-tp1-in2048: 133 ms
        Estimate e = model.estimate(new Workload(TestModels.LLAMA2_7B, TaskType.INFERENCE,
                Precision.FP16, BatchSize.of(1), 2048, 1, Runtime.TENSORRT_LLM),
                TestHardware.named("A100-SXM4-80GB"), null);

        assertThat(e.timeToFirstTokenMs()).isCloseTo(133, withPercentage(TOLERANCE_PERCENT));
    }

    @Test
    void llama70bStaticBatchOnTwoH100MatchesTensorRtLlm() {
        // trtllm061-h100-llama70b-bs96-tp2-2048x128: 612 output tokens/s over both GPUs
        Estimate e = model.estimate(new Workload(TestModels.LLAMA2_70B, TaskType.INFERENCE,
                Precision.FP8, BatchSize.of(96), 2048, 128, Runtime.TENSORRT_LLM),
                TestHardware.named("H100-SXM5-80GB").withDeviceCount(2),
                Parallelism.tensorParallel(2));

        assertThat(e.throughputTokensPerS()).isCloseTo(612, withPercentage(TOLERANCE_PERCENT));
    }

    @Test
    void llama70bBatchOneDecodeOnFourA100MatchesLmDeploy() {
        // lmdeploy-a100-llama2-70b-bs1-tp4-128x128-e2e: 33.63 tokens/s
        Estimate e = model.estimate(new Workload(TestModels.LLAMA2_70B, TaskType.INFERENCE,
                Precision.FP16, BatchSize.of(1), 128, 128, Runtime.LMDEPLOY),
                TestHardware.named("A100-SXM4-80GB").withDeviceCount(4),
                Parallelism.tensorParallel(4));

        assertThat(e.throughputTokensPerS()).isCloseTo(33.63, withPercentage(TOLERANCE_PERCENT));
    }

    @Test
    void resnet50EagerPytorchAtBatchOneIsFrameworkBound() {
        // dle-rn50-pyt-v100-fp32-b1: 96 images/s
        Estimate e = model.estimate(new Workload(TestModels.RESNET50, TaskType.INFERENCE,
                Precision.FP32, BatchSize.of(1), 0, 0, Runtime.PYTORCH),
                TestHardware.named("V100-SXM2-16GB"), null);

        assertThat(e.throughputQps()).isCloseTo(96, withPercentage(TOLERANCE_PERCENT));
        assertThat(e.bottleneck()).isEqualTo(Bottleneck.OVERHEAD);
    }

    @Test
    void largeGemmOnA100MatchesLlmCompass() {
        // llmcompass-a100-gemm-m8192-n12288-k12288: 8.6216 ms
        double ms = model.gemmMs(TestHardware.named("A100-SXM4-80GB"), Precision.FP16,
                8192, 12288, 12288);

        assertThat(ms).isCloseTo(8.6216, withPercentage(TOLERANCE_PERCENT));
    }
}
