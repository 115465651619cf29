package io.modelopt.performance.calibration;

import io.modelopt.performance.BatchSize;
import io.modelopt.performance.Estimate;
import io.modelopt.performance.Family;
import io.modelopt.performance.HardwareSpec;
import io.modelopt.performance.ModelArchitecture;
import io.modelopt.performance.Parallelism;
import io.modelopt.performance.Precision;
import io.modelopt.performance.Runtime;
import io.modelopt.performance.TaskType;
import io.modelopt.performance.TestHardware;
import io.modelopt.performance.Workload;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns rows of {@code calibration-measurements.csv} into workloads, by rules that read the
 * row's own columns (phase, metric, batch, lengths, software, precision text). No rule names
 * a row; rows the rules cannot read are excluded with a reason.
 */
final class CalibrationCases {

    /** A row left out of the fit, and why. */
    record Exclusion(String id, String reason) {
    }

    /** The usable cases and the exclusions of one table. */
    record Loaded(List<CalibrationCase> cases, List<Exclusion> exclusions) {
    }

    private static final Pattern OPERATOR_SHAPE =
            Pattern.compile("\\[ntok x (\\d+)\\] x \\[(\\d+) x (\\d+)\\]");
    private static final Pattern GEMM_NAME =
            Pattern.compile("GEMM M=(\\d+) N=(\\d+) K=(\\d+)");

    private final Map<String, ModelArchitecture> models;
    private final Map<String, HardwareSpec> hardware;

    private CalibrationCases(Map<String, ModelArchitecture> models,
            Map<String, HardwareSpec> hardware) {
        this.models = models;
        this.hardware = hardware;
    }

    static Loaded load(Path measurements, Path hardwareCsv, Path modelsCsv) throws IOException {
        CalibrationCases reader = new CalibrationCases(readModels(modelsCsv),
                readHardware(hardwareCsv));
        List<CalibrationCase> cases = new ArrayList<>();
        List<Exclusion> exclusions = new ArrayList<>();
        for (Map<String, String> row : Csv.read(measurements)) {
            String reason = reader.exclusionReason(row);
            if (reason != null) {
                exclusions.add(new Exclusion(row.get("case_id"), reason));
            } else {
                cases.add(reader.toCase(row));
            }
        }
        return new Loaded(cases, exclusions);
    }

    // ---- exclusions ----

    private String exclusionReason(Map<String, String> row) {
        String model = row.get("model");
        String id = row.get("case_id");
        if (model.startsWith("Stable Diffusion")) {
            return "no architecture or FLOPs per image in the table (UNet and VAE over a"
                    + " submitter-chosen number of denoising steps)";
        }
        if (row.get("metric").equals("memory_gb")) {
            return "measures the serving engine's pre-allocated KV cache, not what the"
                    + " workload needs";
        }
        if (model.startsWith("BERT") && id.startsWith("mlperf")) {
            return "effective sequence length unknown: NVIDIA's MLPerf BERT skips padding;"
                    + " at the padded 384 tokens 1111 samples/s would need 273 TOPS, above"
                    + " the A10's 250 INT8 peak";
        }
        if (row.get("seq_len_in").isEmpty() && isLanguageModel(model)
                && !row.get("phase").equals("decode")) {
            return "prompt length not in the table (MLPerf dataset): prefill work and KV size"
                    + " are unknown";
        }
        if (row.get("software").contains("HF transformers")) {
            return "prompt and output lengths not stated and the source marks it low"
                    + " reliability (framework-bound: the same file shows an RTX 6000 Ada at"
                    + " the same speed)";
        }
        if (spec(row.get("accelerator")) == null) {
            return "accelerator not in the hardware table: " + row.get("accelerator");
        }
        if (!isOperator(model) && architecture(model) == null) {
            return "no architecture for model " + model;
        }
        return null;
    }

    private static boolean isLanguageModel(String model) {
        return model.startsWith("GPT-J") || model.startsWith("Llama") || model.startsWith("LLaMA")
                || model.startsWith("Mixtral");
    }

    private static boolean isOperator(String model) {
        return model.contains("single-layer op") || model.startsWith("GEMM ");
    }

    // ---- cases ----

    private CalibrationCase toCase(Map<String, String> row) {
        String model = row.get("model");
        HardwareSpec spec = spec(row.get("accelerator"));
        int devices = Integer.parseInt(row.get("accelerator_count"));
        if (isOperator(model)) {
            return operatorCase(row, spec);
        }
        ModelArchitecture architecture = architecture(model);
        Runtime runtime = runtime(row.get("software"));
        Precision precision = precision(row.get("precision"), architecture.family(), spec);
        String phase = row.get("phase");
        String metric = row.get("metric");
        int input = intOr(row.get("seq_len_in"), 0);
        int output = intOr(row.get("seq_len_out"), 0);
        BatchSize batch = batch(row, phase);
        TaskType task = TaskType.parse(row.get("task"));
        Parallelism parallelism = devices > 1 ? Parallelism.tensorParallel(devices)
                : Parallelism.defaults();
        double measured = Double.parseDouble(row.get("value"));
        String interpretation = describe(phase, metric, batch, input, output, devices);
        ToDoubleFunction<Estimate> predicted;
        if (phase.equals("prefill")) {
            output = 1;
            predicted = Estimate::timeToFirstTokenMs;
            interpretation = "TTFT of a batch-" + batch + " prompt of " + input + " tokens";
        } else if (phase.equals("decode")) {
            predicted = Estimate::timePerOutputTokenMs;
            interpretation = "mean decode step, context " + input + " to " + (input + output);
        } else if (metric.equals("throughput_tokens_per_s")) {
            predicted = Estimate::throughputTokensPerS;
        } else if (metric.equals("throughput_samples_per_s")) {
            predicted = Estimate::throughputQps;
        } else {
            predicted = Estimate::latencyMs;
        }
        if (devices > 1 && row.get("per_accelerator_value").isEmpty()
                && row.get("notes").contains("AMBIGUOUS") && !batch.isAuto()) {
            double secondsAsTotal = batch.value() * (double) output / measured;
            measured *= devices;
            interpretation += String.format(Locale.ROOT, "; read as per GPU (x%d): as a total it"
                    + " would mean %.0f s per batch", devices, secondsAsTotal);
        }
        Workload workload = new Workload(architecture, task, precision, batch, input, output,
                runtime);
        return new CalibrationCase(row.get("case_id"), architecture.name(),
                row.get("accelerator"), key(row, phase, metric, devices), metric, measured,
                workload, spec.withDeviceCount(devices), parallelism, predicted, null,
                interpretation + " [" + precision + ", " + runtime + "]");
    }

    /** Operator rows time one GEMM on its own: {@link PerformanceModel#gemmMs}. */
    private CalibrationCase operatorCase(Map<String, String> row, HardwareSpec spec) {
        String model = row.get("model");
        double m;
        double n;
        double k;
        Matcher gemm = GEMM_NAME.matcher(model);
        if (gemm.find()) {
            m = Double.parseDouble(gemm.group(1));
            n = Double.parseDouble(gemm.group(2));
            k = Double.parseDouble(gemm.group(3));
        } else {
            Matcher shape = OPERATOR_SHAPE.matcher(row.get("notes"));
            if (!shape.find()) {
                throw new IllegalStateException("operator shape not found: " + row.get("case_id"));
            }
            m = Double.parseDouble(row.get("seq_len_in"));
            k = Double.parseDouble(shape.group(2));
            n = Double.parseDouble(shape.group(3));
        }
        // The workload only carries the precision; the GEMM shape is what is timed.
        ModelArchitecture gemmModel = ModelArchitecture.opaque(model, Family.ENCODER,
                n * k / 1e6, 2 * m * n * k / 1e9);
        Precision precision = precision(row.get("precision"), Family.ENCODER, spec);
        Workload workload = new Workload(gemmModel, TaskType.INFERENCE, precision,
                BatchSize.of(1), (int) m, 0, Runtime.PYTORCH);
        String name = gemm.find(0) ? "GEMM" : model.replaceAll(".*op: (\\S+).*", "$1");
        return new CalibrationCase(row.get("case_id"), name + " " + (long) n + "x" + (long) k,
                row.get("accelerator"), "op|" + (long) m + "|" + (long) n + "|" + (long) k,
                row.get("metric"), Double.parseDouble(row.get("value")), workload, spec,
                Parallelism.defaults(), Estimate::latencyMs,
                new long[] {(long) m, (long) n, (long) k}, String.format(Locale.ROOT,
                        "one isolated GEMM, M=%d N=%d K=%d [%s]",
                        (long) m, (long) n, (long) k, precision));
    }

    private static String key(Map<String, String> row, String phase, String metric, int devices) {
        return String.join("|", phase, metric, row.get("batch_size"), row.get("seq_len_in"),
                row.get("seq_len_out"), Integer.toString(devices));
    }

    private static String describe(String phase, String metric, BatchSize batch, int input,
            int output, int devices) {
        String tp = devices > 1 ? ", TP" + devices : "";
        return String.format(Locale.ROOT, "%s %s, batch %s, %d in / %d out%s", phase, metric,
                batch, input, output, tp);
    }

    /** Rows without a batch: throughput runs let the runtime choose (auto); latency is batch 1. */
    private static BatchSize batch(Map<String, String> row, String phase) {
        String text = row.get("batch_size");
        if (!text.isEmpty()) {
            return BatchSize.of(Integer.parseInt(text));
        }
        boolean throughputRun = phase.equals("offline") || phase.equals("server")
                || row.get("task").equals("training");
        return throughputRun ? BatchSize.auto() : BatchSize.of(1);
    }

    /**
     * The table's precision text. "not stated (TRT quantized)" is read as NVIDIA's MLPerf
     * recipe: INT8 for CNNs and encoders, FP8 for decoders where the GPU has FP8.
     */
    static Precision precision(String text, Family family, HardwareSpec spec) {
        String t = text.toUpperCase(Locale.ROOT);
        if (t.startsWith("FP16") || t.startsWith("AMP") || t.startsWith("16-BIT")) {
            return Precision.FP16;
        }
        for (Precision p : List.of(Precision.FP8, Precision.INT8, Precision.TF32, Precision.FP32,
                Precision.BF16)) {
            if (t.startsWith(p.name())) {
                return p;
            }
        }
        if (family == Family.CNN || family == Family.ENCODER) {
            return Precision.INT8;
        }
        return spec.supports(Precision.FP8) ? Precision.FP8 : Precision.FP16;
    }

    static Runtime runtime(String software) {
        if (software.contains("TensorRT-LLM") || software.contains("TRT-LLM")) {
            return Runtime.TENSORRT_LLM;
        }
        if (software.contains("TensorRT")) {
            return Runtime.TENSORRT;
        }
        if (software.contains("LMDeploy")) {
            return Runtime.LMDEPLOY;
        }
        if (software.contains("vLLM")) {
            return Runtime.VLLM;
        }
        return Runtime.PYTORCH;
    }

    private static int intOr(String text, int fallback) {
        return text.isEmpty() ? fallback : Integer.parseInt(text);
    }

    // ---- lookups ----

    private ModelArchitecture architecture(String model) {
        return models.entrySet().stream()
                .filter(e -> model.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue)
                .orElse(null);
    }

    /**
     * Maps the table's accelerator text to a hardware row. Variants the sources leave open are
     * read as the SXM parts of NVIDIA's DGX systems, which those documents describe.
     */
    HardwareSpec spec(String accelerator) {
        String a = accelerator.replaceAll("\\s*\\(.*", "").trim();
        String name = switch (a) {
            case "A100" -> "A100-SXM4-80GB";
            case "A100-80GB" -> "A100-SXM4-80GB";
            case "A100-40GB" -> "A100-SXM4-40GB";
            case "H100-80GB" -> "H100-SXM5-80GB";
            default -> a;
        };
        return hardware.get(name.toLowerCase(Locale.ROOT));
    }

    private static Map<String, ModelArchitecture> readModels(Path csv) throws IOException {
        Map<String, ModelArchitecture> models = new LinkedHashMap<>();
        for (Map<String, String> r : Csv.read(csv)) {
            models.put(r.get("match"), new ModelArchitecture(r.get("name"),
                    Family.parse(r.get("family")), dbl(r.get("parameters_millions")),
                    integer(r.get("layers")), integer(r.get("hidden_size")),
                    integer(r.get("attention_heads")), integer(r.get("kv_heads")),
                    integer(r.get("ffn_dimension")), integer(r.get("vocabulary_size")),
                    integer(r.get("experts")), integer(r.get("active_experts")),
                    dbl(r.get("gflops_per_sample"))));
        }
        return models;
    }

    /** Reads single-device rows of a file in the catalog's hardware.csv columns. */
    static Map<String, HardwareSpec> readHardware(Path csv) throws IOException {
        Map<String, HardwareSpec> specs = new LinkedHashMap<>();
        for (Map<String, String> r : Csv.read(csv)) {
            if (r.get("num_gpu").equals("1")) {
                specs.put(r.get("name").toLowerCase(Locale.ROOT), TestHardware.toSpec(r));
            }
        }
        return specs;
    }

    private static Double dbl(String text) {
        return text == null || text.isEmpty() ? null : Double.valueOf(text);
    }

    private static Integer integer(String text) {
        return text == null || text.isEmpty() ? null : Integer.valueOf(text);
    }
}
