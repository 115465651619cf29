package io.modelopt.recommendation;

import java.util.Locale;

import io.modelopt.catalog.CatalogModel;
import io.modelopt.performance.BatchSize;
import io.modelopt.performance.Family;
import io.modelopt.performance.ModelArchitecture;
import io.modelopt.performance.Precision;
import io.modelopt.performance.Runtime;
import io.modelopt.performance.TaskType;
import io.modelopt.performance.Workload;
import io.modelopt.performance.web.CatalogSpecs;
import io.modelopt.performance.web.JsonFields;
import io.modelopt.performance.web.ModelSelection;
import io.modelopt.performance.web.WorkloadDefaults;
import io.modelopt.web.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * A workload described the way the recommendation endpoints receive it: a model name or type,
 * sizes that override or replace the catalog's, FLOPs per sample, and the serving choices.
 * Each endpoint fills it from its own field names, which {@link Names} carries for errors.
 */
final class WorkloadRequest {

    /** The request's names of the fields, so that a 400 names the field the client sent. */
    record Names(String model, String modelType, String parameters, String sizeMb,
            String architectureType, String layers, String gflops) {
    }

    /** The snake_case names of the post-deployment-optimization request. */
    static final Names SNAKE_CASE = new Names("model_name", "model_type", "parameters_millions",
            "model_size_mb", "architecture_type", "layers", "flops_billions");

    String modelName;
    String modelType;
    Double parametersMillions;
    Double modelSizeMb;
    String architectureType;
    Integer layers;
    Integer vocabularySize;
    Double gflopsPerSample;
    Precision precision;
    BatchSize batchSize = BatchSize.of(1);
    Integer inputTokens;
    Integer outputTokens;
    TaskType task = TaskType.INFERENCE;
    Runtime runtime;
    String framework;

    /**
     * The workload fields of a post-deployment-optimization request: model_name or model_type
     * (catalog), parameters_millions, model_size_mb, architecture_type, flops_billions (GFLOPs
     * per sample), precision (FP16 when target_fp16_performance and none is given),
     * batch_size, input_tokens, output_tokens, task_type, framework, runtime.
     */
    static WorkloadRequest fromSnakeCase(JsonNode body, boolean fp16Target) {
        WorkloadRequest w = new WorkloadRequest();
        w.modelName = JsonFields.text(body, "model_name", null);
        w.modelType = JsonFields.text(body, "model_type", null);
        w.framework = JsonFields.text(body, "framework", null);
        w.parametersMillions = JsonFields.number(body, "parameters_millions", 1e-6, 1e9);
        w.modelSizeMb = JsonFields.number(body, "model_size_mb", 1e-6, 1e12);
        w.architectureType = JsonFields.text(body, "architecture_type", null);
        w.gflopsPerSample = JsonFields.number(body, "flops_billions", 1e-9, 1e12);
        w.precision = JsonFields.precision(body, "precision", fp16Target ? Precision.FP16 : null);
        w.batchSize = JsonFields.batch(body, "batch_size");
        w.inputTokens = JsonFields.integer(body, "input_tokens", 1, 10_000_000);
        w.outputTokens = JsonFields.integer(body, "output_tokens", 0, 10_000_000);
        w.task = JsonFields.task(body, "task_type");
        w.runtime = JsonFields.runtime(body, "runtime", null);
        return w;
    }

    /** True when the request names a model at all (by catalog name, type or size). */
    boolean describesModel() {
        return modelName != null || modelType != null || parametersMillions != null
                || modelSizeMb != null;
    }

    /** The model: catalog row by name, else by type, with the request's sizes applied. */
    Workload resolve(ModelSelection models, Names names) {
        if (!describesModel()) {
            throw ApiException.badRequest(names.modelType(), "is required: a " + names.model()
                    + " or " + names.modelType() + " of the catalog, or " + names.parameters()
                    + " and " + names.gflops());
        }
        CatalogModel catalog = catalog(models);
        ModelArchitecture architecture = catalog == null ? opaque(names) : fromCatalog(catalog);
        Precision used = precision != null ? precision : WorkloadDefaults.precision(catalog);
        return new Workload(architecture, task, used, batchSize,
                WorkloadDefaults.inputTokens(inputTokens, architecture, catalog),
                WorkloadDefaults.outputTokens(outputTokens, architecture), runtime());
    }

    private CatalogModel catalog(ModelSelection models) {
        if (modelName != null) {
            CatalogModel byName = models.byName(modelName, task).orElse(null);
            if (byName != null) {
                return byName;
            }
        }
        return modelType == null ? null
                : models.byType(modelType, task, parametersMillions()).orElse(null);
    }

    private ModelArchitecture fromCatalog(CatalogModel catalog) {
        ModelArchitecture base = CatalogSpecs.toArchitecture(catalog);
        Integer stackLayers = layers;
        if (stackLayers != null && base.family() == Family.ENCODER_DECODER) {
            stackLayers = Math.max(1, stackLayers / 2);
        }
        Double parameters = parametersMillions();
        return new ModelArchitecture(modelName != null ? modelName : base.name(), base.family(),
                parameters != null ? parameters : base.parametersMillions(),
                stackLayers != null ? stackLayers : base.layers(), base.hiddenSize(),
                base.attentionHeads(), base.kvHeads(), base.ffnDimension(),
                vocabularySize != null ? vocabularySize : base.vocabularySize(),
                base.expertsTotal(), base.expertsActive(),
                gflopsPerSample != null ? gflopsPerSample : base.gflopsPerSample());
    }

    /** No catalog match: the family from the architecture class name, sizes from the request. */
    private ModelArchitecture opaque(Names names) {
        Double parameters = parametersMillions();
        if (parameters == null) {
            throw ApiException.badRequest(names.parameters(), "is required (or "
                    + names.sizeMb() + ") when " + names.model() + " and " + names.modelType()
                    + " match no catalog model");
        }
        Family family = familyOf(architectureType);
        if (family == null) {
            if (gflopsPerSample == null) {
                throw ApiException.badRequest(names.gflops(), "is required when the model"
                        + " matches no catalog model and " + names.architectureType()
                        + " names no known family");
            }
            family = Family.ENCODER;
        }
        if (!family.isGenerative() && gflopsPerSample == null) {
            throw ApiException.badRequest(names.gflops(), "is required for a " 
                    + family.name().toLowerCase(Locale.ROOT) + " model that is not in the"
                    + " catalog");
        }
        String name = modelName != null ? modelName : modelType != null ? modelType : "model";
        return new ModelArchitecture(name, family, parameters, layers, null, null, null, null,
                vocabularySize, null, null, gflopsPerSample);
    }

    /**
     * Parameters as given, else from the checkpoint size at the request's precision (FP32
     * when none is given: sizes in the catalog are FP32 checkpoints for most models).
     */
    private Double parametersMillions() {
        if (parametersMillions != null) {
            return parametersMillions;
        }
        if (modelSizeMb == null) {
            return null;
        }
        Precision stored = precision != null ? precision : Precision.FP32;
        return modelSizeMb * 1e6 / stored.bytesPerParameter() / 1e6;
    }

    private Runtime runtime() {
        if (runtime != null) {
            return runtime;
        }
        if (framework != null) {
            try {
                return Runtime.parse(framework);
            } catch (IllegalArgumentException e) {
                return Runtime.PYTORCH;
            }
        }
        return Runtime.PYTORCH;
    }

    /** Hugging Face architecture class names: LlamaForCausalLM, T5ForConditionalGeneration ... */
    static Family familyOf(String architecture) {
        if (architecture == null) {
            return null;
        }
        String a = architecture.toLowerCase(Locale.ROOT);
        if (a.contains("moe") || a.contains("mixtral")) {
            return Family.MOE;
        }
        if (a.contains("causallm") || a.contains("lmheadmodel")) {
            return Family.DECODER;
        }
        if (a.contains("conditionalgeneration") || a.contains("seq2seq")) {
            return Family.ENCODER_DECODER;
        }
        if (a.contains("vit")) {
            return Family.VIT;
        }
        if (a.contains("resnet") || a.contains("convnext") || a.contains("efficientnet")
                || a.contains("mobilenet")) {
            return Family.CNN;
        }
        if (a.contains("maskedlm") || a.contains("sequenceclassification")
                || a.contains("questionanswering") || a.contains("tokenclassification")) {
            return Family.ENCODER;
        }
        return null;
    }
}
