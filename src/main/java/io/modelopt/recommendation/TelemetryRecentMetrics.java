package io.modelopt.recommendation;

import java.util.Optional;

import io.modelopt.telemetry.RecentLoadQuery;
import org.springframework.stereotype.Component;

/** {@link RecentMetrics} from the hardware monitoring samples of the metrics database. */
@Component
class TelemetryRecentMetrics implements RecentMetrics {

    private final RecentLoadQuery query;

    TelemetryRecentMetrics(RecentLoadQuery query) {
        this.query = query;
    }

    @Override
    public Optional<Summary> recent(long hardwareId) {
        return query.recentLoad(hardwareId, WINDOW).map(load -> new Summary(load.sampleCount(),
                load.p95GpuUsagePercent(), load.p95CpuUsagePercent(),
                load.p95MemoryUsagePercent(), load.p95PowerConsumptionWatts()));
    }
}
