package io.modelopt.catalog;

import static io.modelopt.catalog.Column.integer;
import static io.modelopt.catalog.Column.nonNegative;
import static io.modelopt.catalog.Column.oneOf;
import static io.modelopt.catalog.Column.positive;
import static io.modelopt.catalog.Column.text;

import java.util.List;
import java.util.Optional;

/**
 * The shape of a catalog table as CSV files describe it: its columns, in the order of the
 * bundled files, and the natural key that populate-database upserts by.
 *
 * @param name table name
 * @param naturalKey columns that identify a row across loads
 * @param columns every column a CSV may carry
 * @param bundledResource classpath location of the bundled CSV
 */
record CatalogTable(String name, List<String> naturalKey, List<Column> columns,
        String bundledResource) {

    static final CatalogTable HARDWARE = new CatalogTable("hardware", List.of("name"), List.of(
            text("name", true),
            text("vendor", true),
            text("full_name", true),
            text("gpu", false),
            integer("num_gpu", true, 0),
            text("cpu", false),
            text("architecture", false),
            positive("peak_fp32_tflops", false),
            positive("peak_tf32_tflops", false),
            positive("peak_fp16_tflops", false),
            positive("peak_bf16_tflops", false),
            positive("peak_fp8_tflops", false),
            positive("peak_int8_tops", false),
            positive("memory_gb", true),
            positive("memory_bandwidth_gbps", true),
            positive("interconnect_gbps", false),
            positive("tdp_watts", false),
            nonNegative("price_usd_per_hour", false),
            positive("gpu_memory_total_vram_mb", false),
            positive("gpu_graphics_clock", false),
            positive("gpu_memory_clock", false),
            integer("gpu_sm_cores", false, 1),
            integer("gpu_cuda_cores", false, 1),
            integer("cpu_total_cores", false, 1),
            integer("cpu_threads_per_core", false, 1),
            positive("cpu_base_clock_ghz", false),
            positive("cpu_max_frequency_ghz", false),
            integer("cpu_flops_per_cycle", false, 1),
            text("l1_cache", false),
            positive("cpu_power_consumption", false),
            positive("gpu_power_consumption", false),
            positive("last_level_cache_mb", false)),
            "catalog/hardware.csv");

    static final CatalogTable MODEL = new CatalogTable("model",
            List.of("model_name", "task_type"), List.of(
            text("model_name", true),
            oneOf("task_type", "inference", "training"),
            text("framework", false),
            text("model_type", true),
            oneOf("family", "encoder", "decoder", "encoder-decoder", "cnn", "vit", "moe"),
            text("architecture_type", false),
            positive("total_parameters_millions", true),
            positive("model_size_mb", false),
            integer("number_of_hidden_layers", false, 1),
            integer("embedding_vector_dimension", false, 1),
            integer("number_of_attention_layers", false, 0),
            integer("attention_heads", false, 1),
            integer("kv_heads", false, 1),
            integer("ffn_dimension", false, 1),
            integer("vocabulary_size", false, 1),
            integer("experts_total", false, 1),
            integer("experts_active", false, 1),
            integer("default_sequence_length", false, 1),
            positive("gflops_per_sample", false),
            text("precision", false),
            text("activation_function", false)),
            "catalog/models.csv");

    Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }
}
