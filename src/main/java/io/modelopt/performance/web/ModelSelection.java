package io.modelopt.performance.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.modelopt.catalog.CatalogModel;
import io.modelopt.catalog.ModelRepository;
import io.modelopt.performance.Family;
import io.modelopt.performance.ModelArchitecture;
import io.modelopt.performance.TaskType;
import io.modelopt.web.ApiException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Finds the model a request describes: a catalog model by name or type, or an architecture
 * given field by field, whose missing fields are filled from the catalog model of the same
 * name. Thread-safe.
 */
@Component
public class ModelSelection {

    /** The architecture to estimate, and the catalog row it came from (or null). */
    public record Selected(ModelArchitecture architecture, CatalogModel catalog) {
    }

    private final ModelRepository models;

    ModelSelection(ModelRepository models) {
        this.models = models;
    }

    /** A catalog model by name (any case), preferring the row of the task. */
    public Optional<CatalogModel> byName(String name, TaskType task) {
        String wanted = taskName(task);
        return models.findByName(name, wanted)
                .or(() -> models.findByName(name, wanted.equals("inference")
                        ? "training" : "inference"));
    }

    /**
     * A catalog model of a type (bert, llama ...); where several share it, the one whose size
     * is closest to {@code parametersMillions}, else the smallest.
     */
    public Optional<CatalogModel> byType(String type, TaskType task, Double parametersMillions) {
        List<CatalogModel> found = models.find(type, taskName(task));
        if (found.isEmpty() || parametersMillions == null) {
            return found.stream().findFirst();
        }
        return found.stream().min(Comparator.comparingDouble(m ->
                Math.abs(Math.log(m.totalParametersMillions() / parametersMillions))));
    }

    /** The {@code model} field of the estimate endpoint: a catalog name or an object. */
    public Selected fromField(JsonNode body, String field, TaskType task) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest(field, "is required: a catalog model name or an"
                    + " object with family and parameters_millions (or layers, hidden_size and"
                    + " attention_heads)");
        }
        if (value.isString()) {
            String name = value.stringValue().trim();
            CatalogModel found = byName(name, task).orElseThrow(() -> ApiException.badRequest(
                    field, "no catalog model named '" + name + "'; GET /api/model/ lists them"));
            return new Selected(CatalogSpecs.toArchitecture(found), found);
        }
        if (!value.isObject()) {
            throw ApiException.badRequest(field, "must be a catalog model name or an object");
        }
        return JsonFields.nested(field, () -> fromObject(value, field, task));
    }

    private Selected fromObject(JsonNode m, String field, TaskType task) {
        String prefix = field + ".";
        String name = JsonFields.text(m, "name", null);
        CatalogModel catalog = name == null ? null : byName(name, task).orElse(null);
        ModelArchitecture base = catalog == null ? null : CatalogSpecs.toArchitecture(catalog);
        Family family = family(m, prefix + "family", base);
        try {
            ModelArchitecture architecture = new ModelArchitecture(
                    name == null ? "unnamed model" : name, family,
                    orElse(JsonFields.number(m, "parameters_millions", 1e-6, 1e9),
                            base == null ? null : base.parametersMillions()),
                    orElse(JsonFields.integer(m, "layers", 1, 10_000),
                            base == null ? null : base.layers()),
                    orElse(JsonFields.integer(m, "hidden_size", 1, 1_000_000),
                            base == null ? null : base.hiddenSize()),
                    orElse(JsonFields.integer(m, "attention_heads", 1, 10_000),
                            base == null ? null : base.attentionHeads()),
                    orElse(JsonFields.integer(m, "kv_heads", 1, 10_000),
                            base == null ? null : base.kvHeads()),
                    orElse(JsonFields.integer(m, "ffn_dimension", 1, 10_000_000),
                            base == null ? null : base.ffnDimension()),
                    orElse(JsonFields.integer(m, "vocabulary_size", 1, 100_000_000),
                            base == null ? null : base.vocabularySize()),
                    orElse(JsonFields.integer(m, "experts", 1, 100_000),
                            base == null ? null : base.expertsTotal()),
                    orElse(JsonFields.integer(m, "active_experts", 1, 100_000),
                            base == null ? null : base.expertsActive()),
                    orElse(JsonFields.number(m, "gflops_per_sample", 1e-9, 1e12),
                            base == null ? null : base.gflopsPerSample()));
            return new Selected(architecture, catalog);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(prefix + jsonName(e.getMessage()), e.getMessage());
        }
    }

    /** The request name of the architecture field an error message starts with. */
    private static String jsonName(String message) {
        String first = message == null ? "" : message.split(" ", 2)[0];
        return switch (first) {
            case "parametersMillions" -> "parameters_millions";
            case "hiddenSize" -> "hidden_size";
            case "attentionHeads" -> "attention_heads";
            case "kvHeads" -> "kv_heads";
            case "ffnDimension" -> "ffn_dimension";
            case "vocabularySize" -> "vocabulary_size";
            case "expertsTotal" -> "experts";
            case "expertsActive" -> "active_experts";
            case "gflopsPerSample" -> "gflops_per_sample";
            case "layers" -> "layers";
            default -> "parameters_millions";
        };
    }

    private static Family family(JsonNode m, String field, ModelArchitecture base) {
        String text = JsonFields.text(m, "family", null);
        if (text == null) {
            if (base != null) {
                return base.family();
            }
            throw ApiException.badRequest(field, "is required unless name is a catalog model:"
                    + " one of [encoder, decoder, encoder-decoder, cnn, vit, moe]");
        }
        try {
            return Family.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, "'" + text + "' is not one of [encoder,"
                    + " decoder, encoder-decoder, cnn, vit, moe]");
        }
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static String taskName(TaskType task) {
        return task == TaskType.TRAINING ? "training" : "inference";
    }
}
