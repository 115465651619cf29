package io.modelopt.catalog;

import java.time.OffsetDateTime;

/**
 * One model of the catalog, described for one task type (inference or training).
 *
 * <p>{@code family} is what the performance model needs to know of the architecture: encoder,
 * decoder, encoder-decoder, cnn, vit or moe. {@code gflopsPerSample} is given only where FLOPs
 * cannot be derived from the layers (CNNs) or were measured (ViT).
 */
public record CatalogModel(
        long id,
        String modelName,
        String taskType,
        String framework,
        String modelType,
        String family,
        String architectureType,
        double totalParametersMillions,
        Double modelSizeMb,
        Integer numberOfHiddenLayers,
        Integer embeddingVectorDimension,
        Integer numberOfAttentionLayers,
        Integer attentionHeads,
        Integer kvHeads,
        Integer ffnDimension,
        Integer vocabularySize,
        Integer expertsTotal,
        Integer expertsActive,
        Integer defaultSequenceLength,
        Double gflopsPerSample,
        String precision,
        String activationFunction,
        boolean modelPickle,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
