package io.modelopt.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PerformanceModelTest {

    private final PerformanceModel model = PerformanceModel.fitted();
    private final HardwareSpec a100 = TestHardware.named("A100-SXM4-80GB");
    private final HardwareSpec h100 = TestHardware.named("H100-SXM5-80GB");

    private static Workload llm(ModelArchitecture m, Precision p, BatchSize b, Runtime r) {
        return new Workload(m, TaskType.INFERENCE, p, b, 512, 128, r);
    }

    @Test
    void fp8OnA100FallsBackToFp16AndSaysSo() {
        Estimate estimate = model.estimate(llm(TestModels.LLAMA2_7B, Precision.FP8,
                BatchSize.of(1), Runtime.TENSORRT_LLM), a100, Parallelism.defaults());

        assertThat(estimate.precision()).isEqualTo(Precision.FP16);
        assertThat(estimate.precisionNote()).contains("does not support FP8").contains("FP16");
        assertThat(estimate.fits()).isTrue();
    }

    @Test
    void workloadThatDoesNotFitReportsItsNeedAndNoLatency() {
        Estimate estimate = model.estimate(llm(TestModels.LLAMA2_70B, Precision.FP16,
                BatchSize.of(1), Runtime.VLLM), a100, Parallelism.defaults());

        assertThat(estimate.fits()).isFalse();
        assertThat(estimate.bottleneck()).isEqualTo(Bottleneck.CAPACITY);
        assertThat(estimate.memoryGb()).isGreaterThan(137.9);
        assertThat(estimate.latencyMs()).isNaN();
        assertThat(estimate.throughputQps()).isNaN();
        assertThat(estimate.costPer1000Requests()).isNaN();
        assertThat(estimate.notes()).anyMatch(n -> n.contains("needs"));
    }

    @Test
    void defaultParallelismUsesTheSmallestFittingTensorParallelAndReplicatesTheRest() {
        HardwareSpec eightA100 = TestHardware.named("8xA100-SXM4-80GB");

        Estimate estimate = model.estimate(llm(TestModels.LLAMA2_70B, Precision.FP16,
                BatchSize.of(1), Runtime.VLLM), eightA100, Parallelism.defaults());

        assertThat(estimate.fits()).isTrue();
        assertThat(estimate.tensorParallel()).isEqualTo(2);
        assertThat(estimate.replicas()).isEqualTo(4);
        assertThat(estimate.breakdown().communicationMs()).isPositive();
    }

    @Test
    void replicasMultiplyThroughputButNotLatency() {
        HardwareSpec eightH100 = TestHardware.named("8xH100-SXM5-80GB");
        Workload work = llm(TestModels.LLAMA2_7B, Precision.FP8, BatchSize.of(8),
                Runtime.TENSORRT_LLM);

        Estimate one = model.estimate(work, eightH100, new Parallelism(1, 1));
        Estimate eight = model.estimate(work, eightH100, new Parallelism(8, 1));

        assertThat(eight.replicas()).isEqualTo(8);
        assertThat(eight.latencyMs()).isEqualTo(one.latencyMs());
        assertThat(eight.throughputQps()).isCloseTo(8 * one.throughputQps(), within(1e-6));
    }

    @Test
    void autoBatchReportsTheChosenBatchAndBeatsBatchOneOnThroughput() {
        Estimate auto = model.estimate(llm(TestModels.LLAMA2_7B, Precision.FP16,
                BatchSize.auto(), Runtime.TENSORRT_LLM), h100, Parallelism.defaults());
        Estimate single = model.estimate(llm(TestModels.LLAMA2_7B, Precision.FP16,
                BatchSize.of(1), Runtime.TENSORRT_LLM), h100, Parallelism.defaults());

        assertThat(auto.fits()).isTrue();
        assertThat(auto.batchSize()).isGreaterThan(16);
        assertThat(auto.throughputTokensPerS()).isGreaterThan(10 * single.throughputTokensPerS());
        assertThat(auto.memoryGb()).isLessThanOrEqualTo(0.9 * auto.memoryCapacityGb());
    }

    @Test
    void decodeAtBatchOneIsMemoryBoundAndLargeBatchPrefillIsComputeBound() {
        Workload decode = new Workload(TestModels.LLAMA2_7B, TaskType.INFERENCE, Precision.FP16,
                BatchSize.of(1), 16, 512, Runtime.TENSORRT_LLM);
        Workload prefill = new Workload(TestModels.LLAMA2_7B, TaskType.INFERENCE,
                Precision.FP16, BatchSize.of(16), 2048, 1, Runtime.TENSORRT_LLM);

        assertThat(model.estimate(decode, h100, null).bottleneck())
                .isEqualTo(Bottleneck.MEMORY_BANDWIDTH);
        assertThat(model.estimate(prefill, h100, null).bottleneck())
                .isEqualTo(Bottleneck.COMPUTE);
    }

    @Test
    void generativeEstimateHasTokensTtftTpotAndCostPerMillionTokens() {
        Estimate estimate = model.estimate(llm(TestModels.LLAMA2_7B, Precision.FP16,
                BatchSize.of(4), Runtime.VLLM), h100, null);

        assertThat(estimate.timeToFirstTokenMs()).isPositive();
        assertThat(estimate.timePerOutputTokenMs()).isPositive();
        assertThat(estimate.latencyMs()).isCloseTo(estimate.timeToFirstTokenMs()
                + 127 * estimate.timePerOutputTokenMs(), within(1e-6));
        assertThat(estimate.throughputTokensPerS())
                .isCloseTo(128 * estimate.throughputQps(), within(1e-6));
        assertThat(estimate.costPerMillionTokens()).isPositive();
        assertThat(estimate.energyWhPer1000Requests()).isPositive();
    }

    @Test
    void encoderEstimateLeavesGenerativeFieldsEmpty() {
        Estimate estimate = model.estimate(new Workload(TestModels.BERT_LARGE,
                TaskType.INFERENCE, Precision.FP16, BatchSize.of(8), 128, 0, Runtime.TENSORRT),
                a100, null);

        assertThat(estimate.throughputTokensPerS()).isNaN();
        assertThat(estimate.timeToFirstTokenMs()).isNaN();
        assertThat(estimate.costPerMillionTokens()).isNaN();
        assertThat(estimate.throughputQps()).isCloseTo(8 / estimate.latencyMs() * 1000,
                within(1e-9));
    }

    @Test
    void moeReadsOnlyActiveExpertsPerTokenButHoldsAllInMemory() {
        ModelArchitecture dense = new ModelArchitecture("dense twin", Family.DECODER, null, 32,
                4096, 32, 8, 14336, 32000, null, null, null);
        Workload moe = llm(TestModels.MIXTRAL, Precision.FP16, BatchSize.of(1),
                Runtime.TENSORRT_LLM);
        Workload twin = llm(dense, Precision.FP16, BatchSize.of(1), Runtime.TENSORRT_LLM);
        HardwareSpec h200 = TestHardware.named("H200-SXM-141GB");

        Estimate mixtral = model.estimate(moe, h200, null);
        Estimate denseTwin = model.estimate(twin, h200, null);

        assertThat(mixtral.memoryGb()).isGreaterThan(90);
        assertThat(mixtral.timePerOutputTokenMs() / denseTwin.timePerOutputTokenMs())
                .isBetween(1.5, 2.5);
    }

    @Test
    void trainingNeedsSixteenBytesPerParameterBeyondActivations() {
        Workload training = new Workload(TestModels.LLAMA2_7B, TaskType.TRAINING,
                Precision.BF16, BatchSize.of(1), 1024, 0, Runtime.PYTORCH);

        Estimate single = model.estimate(training, h100, null);
        Estimate sharded = model.estimate(training, TestHardware.named("8xH100-SXM5-80GB"),
                Parallelism.tensorParallel(8));

        assertThat(single.fits()).isFalse();
        assertThat(single.memoryGb()).isGreaterThan(16 * 6.738);
        assertThat(sharded.fits()).isTrue();
        assertThat(sharded.throughputQps()).isPositive();
    }

    @Test
    void trainingStepCostsAboutThreeForwardPasses() {
        Workload inference = new Workload(TestModels.BERT_LARGE, TaskType.INFERENCE,
                Precision.FP16, BatchSize.of(64), 512, 0, Runtime.TENSORRT);
        Workload training = new Workload(TestModels.BERT_LARGE, TaskType.TRAINING,
                Precision.FP16, BatchSize.of(64), 512, 0, Runtime.TENSORRT);

        double forward = model.estimate(inference, h100, null).breakdown().computeMs();
        double step = model.estimate(training, h100, null).breakdown().computeMs();

        assertThat(step / forward).isBetween(2.9, 3.2);
    }

    @Test
    void cpuOnlyServerIsEstimatedFromItsOwnPeaksAndNotesTheMissingCalibration() {
        HardwareSpec xeon = TestHardware.named("Xeon-8480+");

        Estimate estimate = model.estimate(new Workload(TestModels.BERT_BASE,
                TaskType.INFERENCE, Precision.BF16, BatchSize.of(1), 128, 0,
                Runtime.ONNXRUNTIME), xeon, null);

        assertThat(estimate.fits()).isTrue();
        assertThat(estimate.latencyMs()).isPositive();
        assertThat(estimate.breakdown().factors())
                .anyMatch(f -> f.name().equals("compute.median"));
    }

    @Test
    void eagerPytorchCarriesFrameworkOverheadAtBatchOne() {
        Workload resnet = new Workload(TestModels.RESNET50, TaskType.INFERENCE, Precision.FP32,
                BatchSize.of(1), 0, 0, Runtime.PYTORCH);

        Estimate eager = model.estimate(resnet, a100, null);
        Estimate compiled = model.estimate(resnet.withRuntime(Runtime.TENSORRT), a100, null);

        assertThat(eager.bottleneck()).isEqualTo(Bottleneck.OVERHEAD);
        assertThat(eager.latencyMs()).isBetween(8.0, 14.0);
        assertThat(compiled.latencyMs()).isLessThan(eager.latencyMs() / 5);
    }

    @Test
    void aWorkingSetThatFitsTheLastLevelCacheMovesNoDramBytesAndSaysSo() {
        Workload resnet = new Workload(TestModels.RESNET50, TaskType.INFERENCE, Precision.INT8,
                BatchSize.of(1), 0, 0, Runtime.TENSORRT);
        HardwareSpec l4 = TestHardware.named("L4");
        HardwareSpec a10 = TestHardware.named("A10");

        Estimate onL4 = model.estimate(resnet, l4, null);
        Estimate onA10 = model.estimate(resnet, a10, null);
        Estimate largeBatchOnL4 = model.estimate(resnet.withBatchSize(BatchSize.of(256)), l4,
                null);

        // About 27 MB of INT8 weights and live feature maps: inside 75% of the L4's 48 MB L2;
        // the A10's 6 MB keeps only the 4.5 MB that fit (17%), the rest comes from DRAM.
        assertThat(onL4.breakdown().memoryMs()).isZero();
        assertThat(onL4.notes()).anyMatch(n -> n.contains("100% of its memory traffic is "
                + "served from the 48 MB last-level cache"));
        assertThat(onA10.breakdown().memoryMs()).isPositive();
        assertThat(onA10.notes()).anyMatch(n -> n.contains("17% of its memory traffic is "
                + "served from the 6 MB last-level cache"));
        assertThat(largeBatchOnL4.breakdown().memoryMs()).isPositive();
    }

    @Test
    void compiledRuntimesPayLessPerKernelOnAFasterClockAndEagerDispatchDoesNot() {
        Workload resnet = new Workload(TestModels.RESNET50, TaskType.INFERENCE, Precision.FP16,
                BatchSize.of(1), 0, 0, Runtime.TENSORRT);
        HardwareSpec slow = withClock(a100, 1000);
        HardwareSpec fast = withClock(a100, 2000);

        double compiledSlow = model.estimate(resnet, slow, null).breakdown().overheadMs();
        double compiledFast = model.estimate(resnet, fast, null).breakdown().overheadMs();
        Workload eager = resnet.withRuntime(Runtime.PYTORCH);
        double eagerSlow = model.estimate(eager, slow, null).breakdown().overheadMs();
        double eagerFast = model.estimate(eager, fast, null).breakdown().overheadMs();

        assertThat(compiledFast).isCloseTo(compiledSlow / 2, within(1e-9));
        assertThat(eagerFast).isEqualTo(eagerSlow);
    }

    private static HardwareSpec withClock(HardwareSpec h, double clockMhz) {
        return h.toBuilder().graphicsClockMhz(clockMhz).build();
    }

    @Test
    void int4WeightsRunWithSixteenBitArithmeticWhereNoInt4PeakExists() {
        Estimate int4 = model.estimate(llm(TestModels.LLAMA2_70B, Precision.INT4,
                BatchSize.of(1), Runtime.LMDEPLOY), a100, null);

        assertThat(int4.fits()).isTrue();
        assertThat(int4.memoryGb()).isBetween(34.0, 40.0);
        assertThat(int4.precisionNote()).contains("weight-only");
    }

    @Test
    void breakdownNamesEveryFactorItUsedWithItsMeaning() {
        Estimate estimate = model.estimate(llm(TestModels.LLAMA2_70B, Precision.FP8,
                BatchSize.of(4), Runtime.TENSORRT_LLM), TestHardware.named("8xH100-SXM5-80GB"),
                Parallelism.tensorParallel(4));

        assertThat(estimate.breakdown().factors()).extracting(EfficiencyFactor::name)
                .contains("compute.hopper", "compute.layer", "compute.eightBit",
                        "memory.efficiency", "interconnect.efficiency", "kernel.tensorrt_llmUs");
        assertThat(estimate.breakdown().factors()).allMatch(f -> !f.meaning().isBlank());
    }

    @Test
    void moreGpusThanTheConfigurationHasIsRejected() {
        assertThatThrownBy(() -> model.estimate(llm(TestModels.LLAMA2_7B, Precision.FP16,
                BatchSize.of(1), Runtime.VLLM), h100, new Parallelism(2, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numGpus");
    }

    @Test
    void cnnWithoutGflopsIsRejected() {
        ModelArchitecture cnn = ModelArchitecture.opaque("mystery", Family.CNN, 10, null);

        assertThatThrownBy(() -> model.estimate(new Workload(cnn, null, null, null, 0, 0, null),
                a100, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gflopsPerSample");
    }

    @Test
    void opaqueModelIsEstimatedFromParametersAndGflops() {
        ModelArchitecture opaque = ModelArchitecture.opaque("custom", Family.ENCODER, 110,
                22.0);

        Estimate estimate = model.estimate(new Workload(opaque, TaskType.INFERENCE,
                Precision.FP16, BatchSize.of(32), 0, 0, Runtime.ONNXRUNTIME), a100, null);

        assertThat(estimate.fits()).isTrue();
        assertThat(estimate.breakdown().computeMs()).isPositive();
        assertThat(estimate.notes()).anyMatch(n -> n.contains("layer count unknown"));
    }

    @Test
    void encoderDecoderModelGeneratesTokens() {
        Estimate t5 = model.estimate(new Workload(TestModels.T5_BASE, TaskType.INFERENCE,
                Precision.FP16, BatchSize.of(8), 512, 64, Runtime.ONNXRUNTIME), a100, null);

        assertThat(t5.fits()).isTrue();
        assertThat(t5.throughputTokensPerS()).isPositive();
        assertThat(t5.timeToFirstTokenMs()).isLessThan(t5.latencyMs());
    }
}
