package io.modelopt.catalog;

import java.time.OffsetDateTime;

/**
 * One hardware configuration of the catalog: a number of identical GPUs with their host, or a
 * CPU-only server ({@code numGpu == 0}).
 *
 * <p>Peak throughput, memory, bandwidth and TDP describe one device: one GPU, or for a CPU-only
 * server the whole server. The price is for the whole configuration. Peaks are dense (no 2:4
 * sparsity) and null where the device lacks that precision. The price is null where no public
 * on-demand price is known; costs are then unknown too. The last-level cache is the on-chip
 * cache one device shares (L2 on NVIDIA GPUs, Infinity Cache on AMD CDNA 3), null where unknown.
 */
public record Hardware(
        long id,
        String name,
        String vendor,
        String fullName,
        String gpu,
        int numGpu,
        String cpu,
        String architecture,
        Double peakFp32Tflops,
        Double peakTf32Tflops,
        Double peakFp16Tflops,
        Double peakBf16Tflops,
        Double peakFp8Tflops,
        Double peakInt8Tops,
        double memoryGb,
        double memoryBandwidthGbps,
        Double interconnectGbps,
        Double tdpWatts,
        Double priceUsdPerHour,
        Double gpuMemoryTotalVramMb,
        Double gpuGraphicsClock,
        Double gpuMemoryClock,
        Integer gpuSmCores,
        Integer gpuCudaCores,
        Integer cpuTotalCores,
        Integer cpuThreadsPerCore,
        Double cpuBaseClockGhz,
        Double cpuMaxFrequencyGhz,
        Integer cpuFlopsPerCycle,
        String l1Cache,
        Double cpuPowerConsumption,
        Double gpuPowerConsumption,
        Double lastLevelCacheMb,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public boolean cpuOnly() {
        return numGpu == 0;
    }
}
