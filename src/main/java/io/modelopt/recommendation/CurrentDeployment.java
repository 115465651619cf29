package io.modelopt.recommendation;

import java.util.LinkedHashMap;
import java.util.Map;

import io.modelopt.performance.web.EstimateView;
import io.modelopt.performance.web.HardwareSelection;

/**
 * What a post-deployment request says about the running deployment, after the recent-metrics
 * lookup: its measurements, its hardware (when given) and the load they imply.
 *
 * @param latencyMs current latency per request, or null
 * @param throughputQps current requests per second, or null
 * @param memoryGb current memory footprint, or null
 * @param costPer1000 current cost per 1000 requests, or null
 * @param utilizationPercent device busy share: GPU usage, else CPU usage; or null
 * @param utilizationSource where the utilisation comes from, in plain words
 * @param hardware the current configuration, or null when not given
 */
record CurrentDeployment(Double latencyMs, Double throughputQps, Double memoryGb,
        Double costPer1000, Double utilizationPercent, String utilizationSource,
        HardwareSelection.Candidate hardware) {

    /** Utilisation from which the deployment counts as near saturation. */
    static final double SATURATION_PERCENT = 80;

    /** Requests per second the current hardware would serve fully busy: qps / utilisation. */
    Double capacityQps() {
        if (throughputQps == null || utilizationPercent == null || utilizationPercent <= 0) {
            return null;
        }
        return throughputQps / (utilizationPercent / 100);
    }

    String loadState() {
        if (utilizationPercent == null) {
            return "unknown (no GPU or CPU usage given)";
        }
        String level = utilizationPercent >= SATURATION_PERCENT ? "near saturation"
                : utilizationPercent >= 50 ? "moderately loaded" : "lightly loaded";
        StringBuilder s = new StringBuilder(level).append(": ")
                .append(Text.num(utilizationPercent)).append("% busy");
        if (latencyMs != null) {
            s.append(" at ").append(Text.num(latencyMs)).append(" ms");
        }
        s.append(", ").append(Text.num(Math.max(0, 100 - utilizationPercent)))
                .append("% headroom");
        Double capacity = capacityQps();
        if (capacity != null) {
            s.append(", about ").append(Text.num(capacity))
                    .append(" requests/s at full load");
        }
        return s.toString();
    }

    Map<String, Object> baseline() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("latency_ms", latencyMs);
        b.put("memory_gb", memoryGb);
        b.put("cost_per_1000", costPer1000);
        b.put("throughput_qps", throughputQps);
        b.put("hardware", hardware == null ? null : hardware.name());
        return b;
    }

    Map<String, Object> load() {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("utilization_percent", utilizationPercent);
        l.put("utilization_source", utilizationSource);
        l.put("headroom_percent", utilizationPercent == null ? null
                : EstimateView.round(Math.max(0, 100 - utilizationPercent)));
        l.put("estimated_capacity_qps", capacityQps() == null ? null
                : EstimateView.round(capacityQps()));
        l.put("state", loadState());
        return l;
    }
}
