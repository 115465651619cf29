package io.modelopt.performance.calibration;

import io.modelopt.performance.Calibration;
import io.modelopt.performance.PerformanceModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the calibration factors on their logarithms: coordinate descent, then Nelder-Mead
 * (which moves correlated factors together, such as a generation's GEMM efficiency and the
 * whole-model factor), then coordinate descent again. The loss is the
 * sum over rows of |ln(predicted / measured)| (its minimiser is a median-type fit, robust to
 * a few odd rows) plus a quadratic penalty on rows beyond 1.8x, so no row is given up to
 * improve the others. Deterministic: same table, same start, same result.
 */
final class Fitter {

    /** Factors held fixed: the runtime reference is 1 by definition. */
    private static final List<String> FIXED = List.of("runtime.reference");
    private static final double FAR = Math.log(1.8);
    private static final double NOT_FITTING_LOSS = 3.0;

    /**
     * Where the descent starts: round values of the right order for each factor (GEMMs near
     * peak, layers and 8-bit below, a few microseconds per fused kernel, tens per eager one).
     * Fixed here, not read from the committed file, so a rerun reproduces the same fit.
     */
    static final Map<String, Double> START = start();

    private final List<CalibrationCase> cases;

    Fitter(List<CalibrationCase> cases) {
        this.cases = cases;
    }

    Calibration fit() {
        List<String> keys = Calibration.keys().stream().filter(k -> !FIXED.contains(k)).toList();
        Map<String, Double> values = new LinkedHashMap<>(START);
        coordinateDescent(keys, values);
        for (int round = 0; round < 3; round++) {
            nelderMead(keys, values);
            coordinateDescent(keys, values);
        }
        return Calibration.of(values);
    }

    private void coordinateDescent(List<String> keys, Map<String, Double> values) {
        double best = loss(Calibration.of(values));
        double step = Math.log(2);
        while (step > 1e-3) {
            boolean improved = false;
            for (String key : keys) {
                for (double direction : new double[] {step, -step}) {
                    double current = values.get(key);
                    double candidate = bound(key, current * Math.exp(direction));
                    if (candidate == current) {
                        continue;
                    }
                    values.put(key, candidate);
                    double trial = loss(Calibration.of(values));
                    if (trial < best - 1e-12) {
                        best = trial;
                        improved = true;
                        break;
                    }
                    values.put(key, current);
                }
            }
            if (!improved) {
                step /= 2;
            }
        }
    }

    /** Nelder-Mead on log values, standard coefficients, bounded by {@link #bound}. */
    private void nelderMead(List<String> keys, Map<String, Double> values) {
        int n = keys.size();
        double[][] simplex = new double[n + 1][n];
        double[] losses = new double[n + 1];
        for (int i = 0; i < n; i++) {
            simplex[0][i] = Math.log(values.get(keys.get(i)));
        }
        for (int v = 1; v <= n; v++) {
            simplex[v] = simplex[0].clone();
            simplex[v][v - 1] += 0.2;
        }
        for (int v = 0; v <= n; v++) {
            losses[v] = logLoss(keys, values, simplex[v]);
        }
        for (int iteration = 0; iteration < 3000; iteration++) {
            Integer[] order = new Integer[n + 1];
            for (int v = 0; v <= n; v++) {
                order[v] = v;
            }
            final double[] l = losses;
            java.util.Arrays.sort(order, (a, b) -> Double.compare(l[a], l[b]));
            int best = order[0];
            int worst = order[n];
            int second = order[n - 1];
            double[] centroid = new double[n];
            for (int v = 0; v <= n; v++) {
                if (v != worst) {
                    for (int i = 0; i < n; i++) {
                        centroid[i] += simplex[v][i] / n;
                    }
                }
            }
            double[] reflected = toward(centroid, simplex[worst], -1.0);
            double reflectedLoss = logLoss(keys, values, reflected);
            if (reflectedLoss < losses[best]) {
                double[] expanded = toward(centroid, simplex[worst], -2.0);
                double expandedLoss = logLoss(keys, values, expanded);
                boolean expand = expandedLoss < reflectedLoss;
                simplex[worst] = expand ? expanded : reflected;
                losses[worst] = expand ? expandedLoss : reflectedLoss;
            } else if (reflectedLoss < losses[second]) {
                simplex[worst] = reflected;
                losses[worst] = reflectedLoss;
            } else {
                double[] contracted = toward(centroid, simplex[worst], 0.5);
                double contractedLoss = logLoss(keys, values, contracted);
                if (contractedLoss < losses[worst]) {
                    simplex[worst] = contracted;
                    losses[worst] = contractedLoss;
                } else {
                    for (int v = 0; v <= n; v++) {
                        if (v != best) {
                            simplex[v] = toward(simplex[best], simplex[v], 0.5);
                            losses[v] = logLoss(keys, values, simplex[v]);
                        }
                    }
                }
            }
        }
        int best = 0;
        for (int v = 1; v <= n; v++) {
            if (losses[v] < losses[best]) {
                best = v;
            }
        }
        apply(keys, values, simplex[best]);
    }

    /** from + t * (to - from). */
    private static double[] toward(double[] from, double[] to, double t) {
        double[] point = new double[from.length];
        for (int i = 0; i < from.length; i++) {
            point[i] = from[i] + t * (to[i] - from[i]);
        }
        return point;
    }

    private double logLoss(List<String> keys, Map<String, Double> values, double[] logs) {
        Map<String, Double> trial = new LinkedHashMap<>(values);
        apply(keys, trial, logs);
        return loss(Calibration.of(trial));
    }

    private static void apply(List<String> keys, Map<String, Double> values, double[] logs) {
        for (int i = 0; i < keys.size(); i++) {
            values.put(keys.get(i), bound(keys.get(i), Math.exp(logs[i])));
        }
    }

    double loss(Calibration calibration) {
        PerformanceModel model = new PerformanceModel(calibration);
        double sum = 0;
        for (CalibrationCase c : cases) {
            double predicted = c.predict(model);
            if (!(predicted > 0) || Double.isInfinite(predicted)) {
                sum += NOT_FITTING_LOSS;
                continue;
            }
            double error = Math.abs(Math.log(predicted / c.measured()));
            double beyond = Math.max(0, error - FAR);
            sum += error + 10 * beyond * beyond;
        }
        return sum;
    }

    private static Map<String, Double> start() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String generation : List.of("volta", "turing", "ampere", "ada", "hopper")) {
            m.put("compute." + generation, 0.8);
        }
        m.put("compute.layer", 0.7);
        m.put("compute.eightBit", 0.8);
        m.put("compute.paddingRows", 64.0);
        m.put("memory.efficiency", 0.8);
        m.put("interconnect.efficiency", 0.7);
        m.put("allreduce.latencyUs", 20.0);
        m.put("kernel.tensorrtUs", 3.0);
        m.put("kernel.tensorrt_llmUs", 3.0);
        m.put("kernel.pytorchUs", 30.0);
        m.put("kernel.lmdeployUs", 3.0);
        m.put("runtime.reference", 1.0);
        m.put("runtime.pytorch", 0.8);
        m.put("runtime.lmdeploy", 0.8);
        m.put("pytorch.autocastKernels", 1.2);
        return m;
    }

    /**
     * Keeps each factor physical: shares in (0, 1], runtime factors at most TensorRT's,
     * counts and times positive.
     */
    private static double bound(String key, double value) {
        if (key.startsWith("compute.") && !key.equals("compute.paddingRows")
                || key.equals("memory.efficiency") || key.equals("interconnect.efficiency")) {
            return Math.min(1.0, Math.max(0.02, value));
        }
        if (key.startsWith("runtime.")) {
            // TensorRT is the reference: no runtime is taken to beat it.
            return Math.min(1.0, Math.max(0.05, value));
        }
        if (key.equals("pytorch.autocastKernels")) {
            return Math.min(3.0, Math.max(1.0, value));
        }
        return Math.min(5000, Math.max(0.01, value));
    }
}
