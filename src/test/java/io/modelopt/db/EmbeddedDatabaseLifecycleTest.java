package io.modelopt.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import io.modelopt.ModeloptApplication;
import io.modelopt.support.ApiClient;
import io.modelopt.support.ApiTestBase;
import io.modelopt.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded database keeps its data, refuses a second instance and survives a SIGKILL. */
class EmbeddedDatabaseLifecycleTest {

    private static final String ROW = "name,vendor,full_name,gpu,num_gpu,memory_gb,"
            + "memory_bandwidth_gbps,peak_fp16_tflops,price_usd_per_hour\n"
            + "RESTART-GPU,Acme,Survives restarts,RG,1,16,300,50,0.5\n";

    @Test
    void dataSurvivesARestartAndADurableConfigurationIsUsed() {
        Path dataDir = ApiTestBase.freshDataDir("restart");

        try (ConfigurableApplicationContext first = start(dataDir)) {
            CatalogDatabase catalog = first.getBean(CatalogDatabase.class);
            catalog.jdbc().sql("INSERT INTO hardware (name, vendor, full_name, num_gpu, "
                    + "memory_gb, memory_bandwidth_gbps, price_usd_per_hour) "
                    + "VALUES ('RESTART-GPU', 'Acme', 'x', 0, 1, 1, 0)").update();
            assertThat(setting(catalog, "fsync")).isEqualTo("on");
            assertThat(setting(catalog, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(catalog, "server_version")).startsWith("18.");
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            CatalogDatabase catalog = second.getBean(CatalogDatabase.class);
            assertThat(catalog.jdbc().sql("SELECT count(*) FROM hardware WHERE name = "
                    + "'RESTART-GPU'").query(Integer.class).single()).isEqualTo(1);
        }
    }

    @Test
    void aSecondInstanceOnTheSameDataDirFailsAtOnceSayingWhy() {
        Path dataDir = ApiTestBase.freshDataDir("second-instance");

        try (ConfigurableApplicationContext first = start(dataDir)) {
            long startNanos = System.nanoTime();
            assertThatThrownBy(() -> start(dataDir))
                    .rootCause()
                    .isInstanceOf(DataDirLock.DataDirInUseException.class)
                    .hasMessageContaining("Another modelopt instance is already running")
                    .hasMessageContaining(dataDir.toString());
            assertThat(System.nanoTime() - startNanos).isLessThan(30_000_000_000L);
            assertThat(first.getBean(CatalogDatabase.class).isUp()).isTrue();
        }
    }

    @Test
    void afterASigkillTheNextStartWorksAndKeepsTheData() throws Exception {
        Path dataDir = ApiTestBase.freshDataDir("sigkill");

        try (ServiceProcess first = ServiceProcess.start(dataDir)) {
            ApiClient api = first.api();
            assertThat(api.post("/api/hardware/populate-database", "text/csv", ROW).status())
                    .isEqualTo(200);
            first.kill();
        }

        try (ServiceProcess second = ServiceProcess.start(dataDir)) {
            String names = second.api().get("/api/hardware/").body();
            assertThat(names).contains("RESTART-GPU");
            assertThat(second.log()).contains("left running by a previous modelopt");
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(ModeloptApplication.class)
                .run("--server.port=0", "--modelopt.data-dir=" + dataDir);
    }

    private static String setting(CatalogDatabase database, String name) {
        return database.jdbc().sql("SELECT current_setting(:name)").param("name", name)
                .query(String.class).single();
    }
}
