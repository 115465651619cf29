package io.modelopt.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import io.modelopt.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The models of the catalog. */
@RestController
@RequestMapping("/api/model")
@Tag(name = "Models", description = "Model specifications of the catalog")
class ModelController {

    /** The answer api-spec.md shows, with the fields this service adds. */
    private static final String GET_MODEL_DATA_EXAMPLE = """
            {"status": "success", "model_data": {"id": 1, "model_name": "BERT-base",
             "task_type": "inference", "framework": "PyTorch",
             "total_parameters_millions": 109.51, "model_size_mb": 438.06,
             "architecture_type": "BertForMaskedLM", "model_type": "bert", "family": "encoder",
             "number_of_hidden_layers": 12, "embedding_vector_dimension": 768,
             "precision": "FP32", "vocabulary_size": 30522, "ffn_dimension": 3072,
             "number_of_attention_layers": 12, "attention_heads": 12, "kv_heads": 12,
             "activation_function": "gelu", "default_sequence_length": 128,
             "model_pickle": false, "created_at": "2024-01-01T00:00:00Z",
             "updated_at": "2024-01-01T00:00:00Z"},
             "matching_models": ["BERT-base", "BERT-large"]}
            """;

    private final ModelRepository models;
    private final PopulateEndpoint populate;

    ModelController(ModelRepository models, PopulateEndpoint populate) {
        this.models = models;
        this.populate = populate;
    }

    /**
     * Request of get-model-data.
     *
     * @param modelType Hugging Face model type (bert, llama, ...), required
     * @param taskType inference (default) or training
     * @param modelName picks one model where several share the type (BERT-large)
     */
    record ModelDataRequest(String modelType, String taskType, String modelName) {
    }

    @Operation(summary = "Get model data based on model type and task type",
            description = "Case-insensitive. Where several models share the type, the smallest "
                    + "is returned unless model_name picks one; matching_models lists them all.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content =
                    @Content(examples = @ExampleObject(
                            value = "{\"model_type\": \"bert\", \"task_type\": \"inference\"}"))),
            responses = @ApiResponse(responseCode = "200", content = @Content(
                    examples = @ExampleObject(value = GET_MODEL_DATA_EXAMPLE))))
    @PostMapping("/get-model-data")
    Map<String, Object> getModelData(@RequestBody ModelDataRequest request) {
        if (request.modelType() == null || request.modelType().isBlank()) {
            throw ApiException.badRequest("model_type",
                    "is required; one of " + models.modelTypes());
        }
        String task = request.taskType() == null || request.taskType().isBlank()
                ? "inference" : request.taskType().trim().toLowerCase(Locale.ROOT);
        if (!task.equals("inference") && !task.equals("training")) {
            throw ApiException.badRequest("task_type",
                    "'" + request.taskType() + "' is not one of [inference, training]");
        }
        List<CatalogModel> matches = models.find(request.modelType().trim(), task);
        if (matches.isEmpty()) {
            throw ApiException.notFound("No model of type '" + request.modelType()
                    + "' for task '" + task + "'. Model types: " + models.modelTypes()
                    + "; task types: " + models.taskTypes());
        }
        CatalogModel chosen = choose(matches, request.modelName());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("model_data", chosen);
        body.put("matching_models", matches.stream().map(CatalogModel::modelName).toList());
        return body;
    }

    @Operation(summary = "List the models, optionally filtered by model_type and task_type")
    @GetMapping("/")
    Map<String, Object> list(@RequestParam(name = "model_type", required = false) String type,
            @RequestParam(name = "task_type", required = false) String task) {
        List<CatalogModel> found = models.find(blankToNull(type), blankToNull(task));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("models", found);
        body.put("count", found.size());
        return body;
    }

    @Operation(summary = "Populate models from the bundled CSV",
            description = "With no body, reloads the CSV shipped with the service. Upserts by "
                    + "(model_name, task_type) in one transaction.")
    @PostMapping("/populate-database")
    Map<String, Object> populateBundled(HttpServletRequest request) {
        return populate.bundled(CatalogTable.MODEL, request);
    }

    @Operation(summary = "Populate models from an uploaded CSV",
            description = "One bad row rejects the whole file with a 400 naming line, column "
                    + "and problem; nothing is written then.")
    @PostMapping(path = "/populate-database", consumes = "text/csv")
    Map<String, Object> populateCsv(@RequestBody String csv) {
        return populate.csv(CatalogTable.MODEL, csv);
    }

    @Operation(summary = "Populate models from a CSV file (multipart part 'file')")
    @PostMapping(path = "/populate-database", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> populateFile(@RequestParam("file") MultipartFile file) {
        return populate.file(CatalogTable.MODEL, file);
    }

    private static CatalogModel choose(List<CatalogModel> matches, String modelName) {
        if (modelName == null || modelName.isBlank()) {
            return matches.get(0);
        }
        return matches.stream().filter(m -> m.modelName().equalsIgnoreCase(modelName.trim()))
                .findFirst()
                .orElseThrow(() -> ApiException.badRequest("model_name", "'" + modelName
                        + "' is not of this type; choose one of "
                        + matches.stream().map(CatalogModel::modelName).toList()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
