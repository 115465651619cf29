package io.modelopt.telemetry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.modelopt.web.AsyncAnswers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * VM metrics. As api-spec.md has it, pushes name their fields in PascalCase ({@code VMName},
 * {@code CPUUsage}, {@code AverageMemoryUsage}) and answers are snake_case with
 * {@code success: true}.
 */
@RestController
@RequestMapping("/api/vm-metrics")
@Tag(name = "VM metrics", description = "CPU and memory samples of virtual machines")
class VmMetricsController {

    private static final String PUSH_EXAMPLE = """
            {"timestamp": "2024-01-15T10:30:00Z", "VMName": "production-vm-1",
             "CPUUsage": 75, "AverageMemoryUsage": 8192}""";

    private static final String BATCH_EXAMPLE = """
            {"vm_metrics": [
              {"timestamp": "2024-01-15T10:30:00Z", "VMName": "production-vm-1",
               "CPUUsage": 75, "AverageMemoryUsage": 8192},
              {"timestamp": "2024-01-15T10:30:00Z", "VMName": "production-vm-2",
               "CPUUsage": 60, "AverageMemoryUsage": 4096}]}""";

    /** The 200 answer, for the API docs: the handler writes it itself (AsyncAnswers). */
    private static final String PUSH_ANSWER = """
            {"success": true, "message": "VM metrics data pushed successfully",
             "data": {"id": 1, "vm_name": "production-vm-1",
                      "timestamp": "2024-01-15T10:30:00Z"}}""";

    /** The 200 answer, for the API docs: the handler writes it itself (AsyncAnswers). */
    private static final String BATCH_ANSWER = """
            {"success": true, "message": "Successfully pushed 2 VM metrics records",
             "count": 2}""";

    private final SampleValidator validator;
    private final IngestBuffer buffer;
    private final VmMetricsRepository metrics;
    private final QueryLimits limits;
    private final AsyncAnswers answers;

    VmMetricsController(SampleValidator validator, IngestBuffer buffer,
            VmMetricsRepository metrics, QueryLimits limits, AsyncAnswers answers) {
        this.validator = validator;
        this.buffer = buffer;
        this.metrics = metrics;
        this.limits = limits;
        this.answers = answers;
    }

    @Operation(summary = "Push one VM metrics record",
            description = "CPUUsage is a percentage (0-100), AverageMemoryUsage megabytes (not "
                    + "negative). Answers once the record is committed, with its id.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content =
                    @Content(examples = @ExampleObject(value = PUSH_EXAMPLE))),
            responses = @ApiResponse(responseCode = "200", description = "Committed",
                    content = @Content(mediaType = "application/json",
                            examples = @ExampleObject(value = PUSH_ANSWER))))
    @PostMapping("/push")
    void push(@RequestBody VmMetricsRequest body, HttpServletRequest request,
            HttpServletResponse response) {
        VmSample sample = validator.single(body, validator::vm);
        CompletableFuture<Map<String, Object>> reply = buffer.submit(List.of(sample))
                .thenApply(receipt -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("id", receipt.ids()[0]);
                    data.put("vm_name", sample.vmName());
                    data.put("timestamp", sample.timestamp());
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("success", true);
                    answer.put("message", "VM metrics data pushed successfully");
                    answer.put("data", data);
                    return answer;
                });
        answers.answerWhenDone(request, response, reply);
    }

    @Operation(summary = "Push several VM metrics records",
            description = "At most max-batch-samples (default 10000) records, all or nothing: "
                    + "one bad record rejects the batch with a 400 naming its index and field "
                    + "(vm_metrics[1].CPUUsage).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content =
                    @Content(examples = @ExampleObject(value = BATCH_EXAMPLE))),
            responses = @ApiResponse(responseCode = "200", description = "Committed",
                    content = @Content(mediaType = "application/json",
                            examples = @ExampleObject(value = BATCH_ANSWER))))
    @PostMapping("/push-batch")
    void pushBatch(@RequestBody VmMetricsBatchRequest body, HttpServletRequest request,
            HttpServletResponse response) {
        List<VmSample> samples = validator.batch(body == null ? null : body.vmMetrics(),
                body == null ? null : body.unknownFields(), "vm_metrics", validator::vm);
        CompletableFuture<Map<String, Object>> reply = buffer.submit(samples)
                .thenApply(receipt -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("success", true);
                    answer.put("message", "Successfully pushed " + samples.size()
                            + " VM metrics records");
                    answer.put("count", samples.size());
                    return answer;
                });
        answers.answerWhenDone(request, response, reply);
    }

    @Operation(summary = "Get VM metrics with filters",
            description = "Newest first (timestamp, then id, descending). start_time and "
                    + "end_time are inclusive ISO-8601 date-times (YYYY-MM-DDTHH:MM:SS is UTC). "
                    + "limit defaults to 1000, at most 10000. next_cursor, when not null, "
                    + "fetches the next page: pass it as cursor with the same filters.")
    @GetMapping
    Map<String, Object> list(
            @RequestParam(name = "vm_name", required = false) String vmName,
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(name = "end_time", required = false) String endTime,
            @RequestParam(name = "limit", required = false) Integer limit,
            @RequestParam(name = "cursor", required = false) String cursor) {
        TimeWindow window = TimeWindow.parse(startTime, endTime);
        Page<VmMetricsRow> page = metrics.list(vmName, window, PageCursor.decode(cursor),
                limits.resolve(limit));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("success", true);
        response.put("data", page.rows());
        response.put("count", page.rows().size());
        response.put("next_cursor", page.nextCursor());
        return response;
    }

    @Operation(summary = "Get summary statistics for VM metrics",
            description = "Over the filters given; whole hours come from hourly rollups, the "
                    + "edges from raw rows, with the same result as a raw scan. vm_names lists "
                    + "the VMs with samples in the range, sorted.")
    @GetMapping("/summary")
    Map<String, Object> summary(
            @RequestParam(name = "vm_name", required = false) String vmName,
            @RequestParam(name = "start_time", required = false) String startTime,
            @RequestParam(name = "end_time", required = false) String endTime) {
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("success", true);
        response.put("summary", metrics.summary(vmName, TimeWindow.parse(startTime, endTime)));
        return response;
    }
}
