package io.modelopt.performance;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of estimates: one LLM estimate at a fixed batch, one with batch auto (which searches
 * batches), and one workload over every catalog configuration, as simulate-performance does.
 * Run with the command in docs/benchmarks.md; excluded from surefire by its name.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PerformanceModelBenchmark {

    private PerformanceModel model;
    private HardwareSpec h100;
    private List<HardwareSpec> catalog;
    private Workload llm;
    private Workload llmAuto;
    private Workload bert;

    @Setup
    public void setUp() {
        model = PerformanceModel.fitted();
        catalog = TestHardware.catalog();
        h100 = TestHardware.named("H100-SXM5-80GB");
        llm = new Workload(TestModels.LLAMA2_7B, TaskType.INFERENCE, Precision.FP16,
                BatchSize.of(8), 512, 128, Runtime.VLLM);
        llmAuto = llm.withBatchSize(BatchSize.auto());
        bert = new Workload(TestModels.BERT_BASE, TaskType.INFERENCE, Precision.FP32,
                BatchSize.of(1), 128, 0, Runtime.PYTORCH);
    }

    @Benchmark
    public Estimate oneEstimate() {
        return model.estimate(llm, h100, Parallelism.defaults());
    }

    @Benchmark
    public Estimate oneEstimateWithAutoBatch() {
        return model.estimate(llmAuto, h100, Parallelism.defaults());
    }

    @Benchmark
    public void simulateOverCatalog(Blackhole sink) {
        for (HardwareSpec spec : catalog) {
            sink.consume(model.estimate(bert, spec, Parallelism.defaults()));
        }
    }
}
