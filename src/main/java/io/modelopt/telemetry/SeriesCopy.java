package io.modelopt.telemetry;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** How each series' samples become COPY rows and rollups. Thread-safe (stateless). */
final class SeriesCopy {

    private SeriesCopy() {
    }

    static String copySql(Series series) {
        return switch (series) {
            case HARDWARE -> "COPY hardware_monitoring (id, hardware_id, cpu_usage_percent, "
                    + "gpu_usage_percent, memory_usage_percent, temperature_cpu, "
                    + "temperature_gpu, power_consumption_watts, network_usage_mbps, "
                    + "disk_usage_percent, additional_metrics, timestamp) FROM STDIN";
            case VM -> "COPY vm_metrics (id, vm_name, cpu_usage, average_memory_usage, "
                    + "timestamp) FROM STDIN";
            case PROCESS -> "COPY host_process_metrics (id, process_name, process_id, username, "
                    + "status, cpu_usage_percent, memory_usage_mb, gpu_memory_usage_mb, "
                    + "gpu_utilization_percent, timestamp) FROM STDIN";
        };
    }

    static void appendRow(CopyText text, long id, Sample sample) {
        text.first(id);
        if (sample instanceof HardwareSample s) {
            text.add(s.hardwareId()).add(s.cpuUsagePercent()).add(s.gpuUsagePercent())
                    .add(s.memoryUsagePercent()).add(s.temperatureCpuCelsius())
                    .add(s.temperatureGpuCelsius()).add(s.powerConsumptionWatts())
                    .add(s.networkUsageMbps()).add(s.diskUsagePercent())
                    .add(s.additionalMetricsJson()).add(s.timestamp());
        } else if (sample instanceof VmSample s) {
            text.add(s.vmName()).add(s.cpuUsagePercent()).add(s.averageMemoryUsageMb())
                    .add(s.timestamp());
        } else if (sample instanceof ProcessSample s) {
            text.add(s.processName()).add(s.processId()).add(s.username()).add(s.status())
                    .add(s.cpuUsagePercent()).add(s.memoryUsageMb()).add(s.gpuMemoryUsageMb())
                    .add(s.gpuUtilizationPercent()).add(s.timestamp());
        }
        text.endRow();
    }

    @SuppressWarnings("unchecked")
    static void addRollups(Connection connection, Series series, List<? extends Sample> samples)
            throws SQLException {
        switch (series) {
            case HARDWARE -> Rollups.addHardware(connection, (List<HardwareSample>) samples);
            case VM -> Rollups.addVm(connection, (List<VmSample>) samples);
            case PROCESS -> Rollups.addProcess(connection, (List<ProcessSample>) samples);
        }
    }
}
