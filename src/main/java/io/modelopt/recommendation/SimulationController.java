package io.modelopt.recommendation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.modelopt.performance.Estimate;
import io.modelopt.performance.Parallelism;
import io.modelopt.performance.PerformanceModel;
import io.modelopt.performance.Workload;
import io.modelopt.performance.web.EstimateView;
import io.modelopt.performance.web.HardwareSelection;
import io.modelopt.performance.web.JsonFields;
import io.modelopt.performance.web.ModelErrors;
import io.modelopt.performance.web.ModelSelection;
import io.modelopt.performance.web.WorkloadDefaults;
import io.modelopt.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * simulate-performance: one workload estimated on every catalog configuration, the ones it fits
 * ranked fastest first (or by throughput or cost), the ones it does not fit counted apart.
 */
@RestController
@Tag(name = "Models", description = "Model specifications of the catalog")
class SimulationController {

    /** The request keys of api-spec.md (capitalised) behind the workload's fields. */
    private static final WorkloadRequest.Names NAMES = new WorkloadRequest.Names("Model",
            "Model_Type", "Total_Parameters_Millions", "Model_Size_MB", "Architecture_type",
            "Number_of_hidden_Layers", "FLOPs");

    private static final String REQUEST_EXAMPLE = """
            {"Model": "BERT", "Framework": "PyTorch", "Total_Parameters_Millions": 109.51,
             "Model_Size_MB": 840.09, "Architecture_type": "BertForMaskedLM",
             "Model_Type": "bert", "Number_of_hidden_Layers": 12, "Precision": "FP32",
             "Vocabulary_Size": 30522, "Number_of_Attention_Layers": 12,
             "Activation_Function": "gelu", "FLOPs": 1024.0}
            """;
    private static final String RESPONSE_EXAMPLE = """
            {"status": "success", "performance_results": [{"hardware_id": 12,
             "hardware": "H100-SXM5-80GB", "full_name": "NVIDIA H100 80GB SXM5 Tensor Core GPU",
             "latency_ms": 9.2534, "throughput_qps": 108.07, "cost_per_1000": 0.0097,
             "memory_gb": 0.46, "hardware_memory_gb": 80.0, "fits": true,
             "bottleneck": "overhead", "batch_size": 1, "precision": "FP32"}],
             "total_hardware_evaluated": 22, "excluded_not_fitting": 0,
             "not_fitting_hardware": [], "sort_by": "latency",
             "workload": {"model": "BERT", "family": "encoder", "task_type": "inference",
             "precision": "FP32", "batch_size": 1, "input_tokens": 128, "output_tokens": 0,
             "runtime": "pytorch"}}
            """;

    private final PerformanceModel model;
    private final ModelSelection models;
    private final HardwareSelection hardware;

    SimulationController(PerformanceModel model, ModelSelection models,
            HardwareSelection hardware) {
        this.model = model;
        this.models = models;
        this.hardware = hardware;
    }

    @Operation(summary = "Simulate performance on every hardware configuration",
            description = "Keys of api-spec.md (Model, Framework, Total_Parameters_Millions,"
                    + " Model_Size_MB, Architecture_type, Model_Type, Number_of_hidden_Layers,"
                    + " Precision, Vocabulary_Size, Number_of_Attention_Layers,"
                    + " Activation_Function, FLOPs = GFLOPs per sample) plus optional"
                    + " Batch_Size (default 1, or \"auto\"), Input_Tokens (or Sequence_Length),"
                    + " Output_Tokens, Task_Type, Runtime (default from Framework, else"
                    + " pytorch), Top_K (default 3) and Sort_By (latency, throughput, cost)."
                    + " Missing architecture fields come from the catalog model named by Model"
                    + " or of type Model_Type. memory_gb is the workload's footprint;"
                    + " configurations it does not fit are left out and counted in"
                    + " excluded_not_fitting.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content =
                    @Content(examples = @ExampleObject(value = REQUEST_EXAMPLE))),
            responses = @ApiResponse(responseCode = "200", content = @Content(
                    examples = @ExampleObject(value = RESPONSE_EXAMPLE))))
    @PostMapping("/api/model/simulate-performance")
    Map<String, Object> simulate(@RequestBody JsonNode request) {
        JsonNode body = JsonFields.object(request);
        Workload workload = workload(body);
        int topK = orDefault(JsonFields.integer(body, "Top_K", 1, 1000), 3);
        SortBy sortBy = SortBy.parse(JsonFields.text(body, "Sort_By", "latency"));

        List<Map<String, Object>> fitting = new ArrayList<>();
        List<String> notFitting = new ArrayList<>();
        List<HardwareSelection.Candidate> candidates = hardware.all();
        for (HardwareSelection.Candidate candidate : candidates) {
            Estimate estimate = ModelErrors.estimate(model, workload, candidate.spec(),
                    Parallelism.defaults(), "Model");
            if (estimate.fits()) {
                fitting.add(entry(candidate, estimate));
            } else {
                notFitting.add(candidate.name());
            }
        }
        fitting.sort(sortBy.order());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "success");
        response.put("performance_results", fitting.subList(0, Math.min(topK, fitting.size())));
        response.put("total_hardware_evaluated", candidates.size());
        response.put("excluded_not_fitting", notFitting.size());
        response.put("not_fitting_hardware", notFitting);
        response.put("sort_by", sortBy.name().toLowerCase(Locale.ROOT));
        response.put("workload", WorkloadDefaults.describe(workload));
        return response;
    }

    private static Map<String, Object> entry(HardwareSelection.Candidate candidate,
            Estimate estimate) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("hardware_id", candidate.id());
        f.put("hardware", candidate.name());
        f.put("full_name", candidate.fullName());
        Map<String, Object> fields = EstimateView.fields(estimate);
        for (String first : List.of("latency_ms", "throughput_qps", "cost_per_1000",
                "memory_gb", "hardware_memory_gb", "fits", "bottleneck")) {
            f.put(first, fields.remove(first));
        }
        f.putAll(fields);
        return f;
    }

    private Workload workload(JsonNode body) {
        WorkloadRequest w = new WorkloadRequest();
        w.modelName = JsonFields.text(body, "Model", null);
        w.modelType = JsonFields.text(body, "Model_Type", null);
        w.framework = JsonFields.text(body, "Framework", null);
        w.parametersMillions = JsonFields.number(body, "Total_Parameters_Millions", 1e-6, 1e9);
        w.modelSizeMb = JsonFields.number(body, "Model_Size_MB", 1e-6, 1e12);
        w.architectureType = JsonFields.text(body, "Architecture_type", null);
        w.layers = JsonFields.integer(body, "Number_of_hidden_Layers", 1, 10_000);
        if (w.layers == null) {
            w.layers = JsonFields.integer(body, "Number_of_Attention_Layers", 1, 10_000);
        }
        w.vocabularySize = JsonFields.integer(body, "Vocabulary_Size", 1, 100_000_000);
        w.gflopsPerSample = JsonFields.number(body, "FLOPs", 1e-9, 1e12);
        w.precision = JsonFields.precision(body, "Precision", null);
        w.batchSize = JsonFields.batch(body, "Batch_Size");
        w.inputTokens = JsonFields.integer(body, "Input_Tokens", 1, 10_000_000);
        if (w.inputTokens == null) {
            w.inputTokens = JsonFields.integer(body, "Sequence_Length", 1, 10_000_000);
        }
        w.outputTokens = JsonFields.integer(body, "Output_Tokens", 0, 10_000_000);
        w.task = JsonFields.task(body, "Task_Type");
        w.runtime = JsonFields.runtime(body, "Runtime", null);
        return w.resolve(models, NAMES);
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }

    /** Result orders: unknown costs sort last. */
    enum SortBy {
        LATENCY, THROUGHPUT, COST;

        static SortBy parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Sort_By", "'" + text
                        + "' is not one of [latency, throughput, cost]");
            }
        }

        Comparator<Map<String, Object>> order() {
            Comparator<Map<String, Object>> latency = Comparator.comparing(
                    m -> value(m, "latency_ms", Double.MAX_VALUE));
            Comparator<Map<String, Object>> cost = Comparator.comparing(
                    m -> value(m, "cost_per_1000", Double.MAX_VALUE));
            return switch (this) {
                case LATENCY -> latency.thenComparing(cost);
                case THROUGHPUT -> Comparator.<Map<String, Object>, Double>comparing(
                        m -> -value(m, "throughput_qps", 0)).thenComparing(cost);
                case COST -> cost.thenComparing(latency);
            };
        }

        private static double value(Map<String, Object> m, String key, double missing) {
            Object v = m.get(key);
            return v instanceof Double d ? d : missing;
        }
    }
}
