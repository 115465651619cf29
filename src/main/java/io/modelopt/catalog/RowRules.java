package io.modelopt.catalog;

import java.util.List;
import java.util.Map;

import io.modelopt.web.FieldProblem;

/**
 * Rules that span several columns of a row, and the columns derived from others. The
 * performance model relies on these: a GPU configuration without any peak throughput, or a
 * transformer without its layer count, could not be estimated.
 */
final class RowRules {

    private RowRules() {
    }

    static void check(CatalogTable table, Map<String, Object> row, int line,
            List<FieldProblem> problems) {
        if (table == CatalogTable.HARDWARE) {
            checkHardware(row, line, problems);
        } else if (table == CatalogTable.MODEL) {
            checkModel(row, line, problems);
        }
    }

    private static void checkHardware(Map<String, Object> row, int line,
            List<FieldProblem> problems) {
        int gpus = (Integer) row.get("num_gpu");
        if (gpus > 0 && row.get("gpu") == null) {
            problems.add(new FieldProblem("gpu", "is required when num_gpu is above 0", line));
        }
        if (gpus > 0 && row.get("peak_fp32_tflops") == null
                && row.get("peak_fp16_tflops") == null) {
            problems.add(new FieldProblem("peak_fp16_tflops",
                    "a GPU configuration needs peak_fp32_tflops or peak_fp16_tflops", line));
        }
        if (gpus == 0 && row.get("peak_fp32_tflops") == null) {
            problems.add(new FieldProblem("peak_fp32_tflops",
                    "is required for a CPU-only server (num_gpu 0)", line));
        }
        if (row.get("gpu_memory_total_vram_mb") == null && gpus > 0) {
            row.put("gpu_memory_total_vram_mb", gpus * (Double) row.get("memory_gb") * 1024);
        }
        if (row.get("gpu_power_consumption") == null && gpus > 0 && row.get("tdp_watts") != null) {
            row.put("gpu_power_consumption", gpus * (Double) row.get("tdp_watts"));
        }
    }

    private static void checkModel(Map<String, Object> row, int line,
            List<FieldProblem> problems) {
        String family = (String) row.get("family");
        boolean transformer = !family.equals("cnn");
        if (transformer && row.get("gflops_per_sample") == null) {
            for (String column : List.of("number_of_hidden_layers", "embedding_vector_dimension",
                    "attention_heads")) {
                if (row.get(column) == null) {
                    problems.add(new FieldProblem(column, "is required for a " + family
                            + " model without gflops_per_sample", line));
                }
            }
        }
        if (family.equals("cnn") && row.get("gflops_per_sample") == null) {
            problems.add(new FieldProblem("gflops_per_sample",
                    "is required for a cnn model: its FLOPs cannot be derived", line));
        }
        if (family.equals("moe") && (row.get("experts_total") == null
                || row.get("experts_active") == null)) {
            problems.add(new FieldProblem("experts_total",
                    "experts_total and experts_active are required for a moe model", line));
        }
        if (exceeds(row, "experts_active", "experts_total")) {
            problems.add(new FieldProblem("experts_active", "exceeds experts_total", line));
        }
        if (exceeds(row, "kv_heads", "attention_heads")) {
            problems.add(new FieldProblem("kv_heads", "exceeds attention_heads", line));
        }
        Integer hidden = (Integer) row.get("embedding_vector_dimension");
        Integer heads = (Integer) row.get("attention_heads");
        if (hidden != null && heads != null && hidden % heads != 0) {
            problems.add(new FieldProblem("attention_heads", "must divide "
                    + "embedding_vector_dimension (" + hidden + ")", line));
        }
    }

    private static boolean exceeds(Map<String, Object> row, String part, String whole) {
        Integer a = (Integer) row.get(part);
        Integer b = (Integer) row.get(whole);
        return a != null && b != null && a > b;
    }
}
