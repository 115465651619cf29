package io.modelopt.performance.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.modelopt.performance.Estimate;
import io.modelopt.performance.Parallelism;
import io.modelopt.performance.PerformanceModel;
import io.modelopt.performance.Precision;
import io.modelopt.performance.Runtime;
import io.modelopt.performance.TaskType;
import io.modelopt.performance.Workload;
import io.modelopt.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** One workload on one configuration (or on every one): the performance model's full answer. */
@RestController
@RequestMapping("/api/performance")
@Tag(name = "Performance", description = "Estimates of the calibrated performance model")
class PerformanceController {

    private static final String REQUEST_EXAMPLE = """
            {"model": "Llama-2-7B", "hardware": "H100-SXM5-80GB", "precision": "fp16",
             "batch_size": 8, "input_tokens": 512, "output_tokens": 128, "runtime": "vllm"}
            """;
    private static final String RESPONSE_EXAMPLE = """
            {"status": "success", "hardware_id": 12, "hardware": "H100-SXM5-80GB",
             "full_name": "NVIDIA H100 80GB SXM5 Tensor Core GPU", "latency_ms": 1127.4,
             "throughput_qps": 7.096, "throughput_tokens_per_s": 908.3,
             "time_to_first_token_ms": 57.25, "time_per_output_token_ms": 8.426,
             "memory_gb": 17.65, "hardware_memory_gb": 80.0, "fits": true,
             "bottleneck": "memory_bandwidth", "batch_size": 8, "precision": "FP16",
             "precision_note": null, "tensor_parallel": 1, "replicas": 1,
             "cost_per_1000": 0.148, "cost_per_million_tokens": 1.156,
             "energy_wh_per_1000": 27.5, "breakdown": {"compute_ms": 690.1,
             "memory_ms": 1079.6, "communication_ms": 0.0, "overhead_ms": 47.0,
             "factors": [{"name": "memory.efficiency", "value": 0.7944, "meaning":
             "share of peak DRAM bandwidth reached streaming weights, KV cache and activations"}]},
             "notes": [], "workload": {"model": "Llama-2-7B", "family": "decoder",
             "task_type": "inference", "precision": "FP16", "batch_size": 8,
             "input_tokens": 512, "output_tokens": 128, "runtime": "vllm"}}
            """;

    private final PerformanceModel model;
    private final ModelSelection models;
    private final HardwareSelection hardware;

    PerformanceController(PerformanceModel model, ModelSelection models,
            HardwareSelection hardware) {
        this.model = model;
        this.models = models;
        this.hardware = hardware;
    }

    @Operation(summary = "Estimate one workload on one hardware configuration",
            description = "model: a catalog name or an object (name, family, parameters_millions,"
                    + " layers, hidden_size, attention_heads, kv_heads, ffn_dimension,"
                    + " vocabulary_size, experts, active_experts, gflops_per_sample). hardware:"
                    + " an id, a name (any case), an inline spec with the catalog's column names,"
                    + " or \"all\" for one estimate per configuration. batch_size: a number or"
                    + " \"auto\" (the batch with the best throughput that fits). Defaults:"
                    + " precision of the catalog model (else FP16), batch 1, runtime pytorch,"
                    + " 512 tokens in and 128 out for generative models, the model's default"
                    + " sequence length for encoders, all devices with the smallest fitting"
                    + " tensor-parallel degree. A workload that does not fit answers fits=false,"
                    + " the memory it needs, and null times.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content =
                    @Content(examples = @ExampleObject(value = REQUEST_EXAMPLE))),
            responses = @ApiResponse(responseCode = "200", content = @Content(
                    examples = @ExampleObject(value = RESPONSE_EXAMPLE))))
    @PostMapping("/estimate")
    Map<String, Object> estimate(@RequestBody JsonNode request) {
        JsonNode body = JsonFields.object(request);
        TaskType task = JsonFields.task(body, "task_type");
        ModelSelection.Selected selected = models.fromField(body, "model", task);
        Workload workload = workload(body, selected, task);
        Parallelism parallelism = parallelism(body);
        List<HardwareSelection.Candidate> candidates = hardware.fromField(body, "hardware");
        boolean all = body.get("hardware").isString()
                && body.get("hardware").stringValue().trim().equalsIgnoreCase("all");
        if (!all) {
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("status", "success");
            response.putAll(entry(candidates.get(0), workload, parallelism));
            response.put("workload", WorkloadDefaults.describe(workload));
            return response;
        }
        return everyConfiguration(candidates, workload, parallelism);
    }

    private Map<String, Object> everyConfiguration(List<HardwareSelection.Candidate> candidates,
            Workload workload, Parallelism parallelism) {
        List<Map<String, Object>> estimates = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (HardwareSelection.Candidate candidate : candidates) {
            if (tooFewDevices(candidate, parallelism)) {
                skipped.add(candidate.name());
            } else {
                estimates.add(entry(candidate, workload, parallelism));
            }
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("status", "success");
        response.put("estimates", estimates);
        response.put("count", estimates.size());
        response.put("skipped_too_few_devices", skipped);
        response.put("workload", WorkloadDefaults.describe(workload));
        return response;
    }

    private static boolean tooFewDevices(HardwareSelection.Candidate c, Parallelism p) {
        int devices = c.spec().deviceCount();
        return p.numGpus() != null && p.numGpus() > devices
                || p.tensorParallel() != null && p.tensorParallel() > devices;
    }

    private Map<String, Object> entry(HardwareSelection.Candidate candidate, Workload workload,
            Parallelism parallelism) {
        Estimate estimate = ModelErrors.estimate(model, workload, candidate.spec(), parallelism,
                "model");
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("hardware_id", candidate.id());
        f.put("hardware", candidate.name());
        f.put("full_name", candidate.fullName());
        f.putAll(EstimateView.fields(estimate));
        return f;
    }

    private static Workload workload(JsonNode body, ModelSelection.Selected selected,
            TaskType task) {
        Precision precision = JsonFields.precision(body, "precision",
                WorkloadDefaults.precision(selected.catalog()));
        Runtime runtime = JsonFields.runtime(body, "runtime", Runtime.PYTORCH);
        Integer input = JsonFields.integer(body, "input_tokens", 1, 10_000_000);
        Integer output = JsonFields.integer(body, "output_tokens", 0, 10_000_000);
        return new Workload(selected.architecture(), task, precision,
                JsonFields.batch(body, "batch_size"),
                WorkloadDefaults.inputTokens(input, selected.architecture(), selected.catalog()),
                WorkloadDefaults.outputTokens(output, selected.architecture()), runtime);
    }

    private static Parallelism parallelism(JsonNode body) {
        Integer gpus = JsonFields.integer(body, "num_gpus", 1, 4096);
        Integer tp = JsonFields.integer(body, "tensor_parallel", 1, 4096);
        if (gpus != null && tp != null && gpus % tp != 0) {
            throw ApiException.badRequest("tensor_parallel", "must divide num_gpus (" + gpus
                    + "), was " + tp);
        }
        return new Parallelism(gpus, tp);
    }
}
