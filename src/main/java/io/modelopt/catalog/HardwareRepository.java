package io.modelopt.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.modelopt.db.CatalogDatabase;
import org.springframework.stereotype.Repository;

/** Reads hardware configurations from the catalog database. Thread-safe. */
@Repository
public class HardwareRepository {

    private final CatalogDatabase database;

    HardwareRepository(CatalogDatabase database) {
        this.database = database;
    }

    public List<Hardware> findAll() {
        return database.jdbc().sql("SELECT * FROM hardware ORDER BY id")
                .query(HardwareRepository::map).list();
    }

    public Optional<Hardware> findById(long id) {
        return database.jdbc().sql("SELECT * FROM hardware WHERE id = :id").param("id", id)
                .query(HardwareRepository::map).optional();
    }

    /** Case-insensitive; the oldest row wins should two names differ only in case. */
    public Optional<Hardware> findByName(String name) {
        return database.jdbc()
                .sql("SELECT * FROM hardware WHERE lower(name) = lower(:name) ORDER BY id LIMIT 1")
                .param("name", name).query(HardwareRepository::map).optional();
    }

    static Hardware map(ResultSet rs, int row) throws SQLException {
        return new Hardware(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("vendor"),
                rs.getString("full_name"),
                rs.getString("gpu"),
                rs.getInt("num_gpu"),
                rs.getString("cpu"),
                rs.getString("architecture"),
                rs.getObject("peak_fp32_tflops", Double.class),
                rs.getObject("peak_tf32_tflops", Double.class),
                rs.getObject("peak_fp16_tflops", Double.class),
                rs.getObject("peak_bf16_tflops", Double.class),
                rs.getObject("peak_fp8_tflops", Double.class),
                rs.getObject("peak_int8_tops", Double.class),
                rs.getDouble("memory_gb"),
                rs.getDouble("memory_bandwidth_gbps"),
                rs.getObject("interconnect_gbps", Double.class),
                rs.getObject("tdp_watts", Double.class),
                rs.getObject("price_usd_per_hour", Double.class),
                rs.getObject("gpu_memory_total_vram_mb", Double.class),
                rs.getObject("gpu_graphics_clock", Double.class),
                rs.getObject("gpu_memory_clock", Double.class),
                rs.getObject("gpu_sm_cores", Integer.class),
                rs.getObject("gpu_cuda_cores", Integer.class),
                rs.getObject("cpu_total_cores", Integer.class),
                rs.getObject("cpu_threads_per_core", Integer.class),
                rs.getObject("cpu_base_clock_ghz", Double.class),
                rs.getObject("cpu_max_frequency_ghz", Double.class),
                rs.getObject("cpu_flops_per_cycle", Integer.class),
                rs.getString("l1_cache"),
                rs.getObject("cpu_power_consumption", Double.class),
                rs.getObject("gpu_power_consumption", Double.class),
                rs.getObject("last_level_cache_mb", Double.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
