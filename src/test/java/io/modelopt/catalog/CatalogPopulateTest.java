package io.modelopt.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.modelopt.support.ApiClient;
import io.modelopt.support.ApiClient.Response;
import io.modelopt.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Populate changes the catalog, so it runs on a database of its own. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogPopulateTest {

    private static final Path DATA_DIR = ApiTestBase.freshDataDir("populate");

    private static final String HEADER = "name,vendor,full_name,gpu,num_gpu,memory_gb,"
            + "memory_bandwidth_gbps,peak_fp16_tflops,price_usd_per_hour\n";

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("modelopt.data-dir", DATA_DIR::toString);
    }

    private ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port);
    }

    @Test
    void reloadingTheBundledCatalogTwiceChangesNothing() {
        int before = hardwareCount();
        int bundledRows = CatalogImporter.bundledCsv(CatalogTable.HARDWARE).strip()
                .split("\n").length - 1;

        Response first = api().postEmpty("/api/hardware/populate-database");
        Response second = api().postEmpty("/api/model/populate-database");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("inserted").asInt()).isZero();
        assertThat(first.json().path("updated").asInt()).isZero();
        assertThat(first.json().path("unchanged").asInt()).isEqualTo(bundledRows);
        assertThat(second.json().path("unchanged").asInt()).isEqualTo(32);
        assertThat(hardwareCount()).isEqualTo(before);
    }

    @Test
    void uploadInsertsThenReportsUnchangedThenUpdated() {
        String csv = HEADER + "TEST-GPU-A,Acme,Acme Test GPU,TG1,1,24,600,100,1.25\n";
        String changed = HEADER + "TEST-GPU-A,Acme,Acme Test GPU,TG1,1,24,600,120,1.25\n";

        Response inserted = api().post("/api/hardware/populate-database", "text/csv", csv);
        Response unchanged = api().post("/api/hardware/populate-database", "text/csv", csv);
        Response updated = api().post("/api/hardware/populate-database", "text/csv", changed);

        assertThat(inserted.status()).isEqualTo(200);
        assertThat(inserted.json().path("inserted").asInt()).isEqualTo(1);
        assertThat(unchanged.json().path("unchanged").asInt()).isEqualTo(1);
        assertThat(updated.json().path("updated").asInt()).isEqualTo(1);
        JsonNode row = findHardware("TEST-GPU-A");
        assertThat(row.path("peak_fp16_tflops").asDouble()).isEqualTo(120.0);
        assertThat(row.path("gpu_memory_total_vram_mb").asDouble()).isEqualTo(24 * 1024.0);
    }

    @Test
    void oneBadRowRejectsTheWholeFileNamingLineAndColumn() {
        int before = hardwareCount();
        String csv = HEADER
                + "TEST-GPU-B,Acme,Good row,TG2,1,24,600,100,1.0\n"
                + "TEST-GPU-C,Acme,Bad row,TG3,1,-24,600,100,1.0\n";

        Response response = api().post("/api/hardware/populate-database", "text/csv", csv);

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.json().path("errors").get(0);
        assertThat(error.path("line").asInt()).isEqualTo(3);
        assertThat(error.path("field").asString()).isEqualTo("memory_gb");
        assertThat(error.path("message").asString()).contains("greater than 0");
        assertThat(hardwareCount()).isEqualTo(before);
    }

    @Test
    void unknownColumnsMissingColumnsAndDuplicateKeysAreRejected() {
        Response unknown = api().post("/api/hardware/populate-database", "text/csv",
                "name,colour\nX,red\n");
        Response duplicate = api().post("/api/hardware/populate-database", "text/csv", HEADER
                + "TEST-GPU-D,Acme,One,TG,1,24,600,100,1.0\n"
                + "TEST-GPU-D,Acme,Two,TG,1,24,600,100,1.0\n");
        Response ragged = api().post("/api/hardware/populate-database", "text/csv", HEADER
                + "TEST-GPU-E,Acme\n");
        Response empty = api().post("/api/hardware/populate-database", "text/csv", "");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).contains("colour", "vendor", "memory_gb");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().path("errors").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(ragged.status()).isEqualTo(400);
        assertThat(empty.status()).isEqualTo(400);
    }

    @Test
    void modelCsvChecksArchitectureRules() {
        String header = "model_name,task_type,model_type,family,total_parameters_millions,"
                + "number_of_hidden_layers,embedding_vector_dimension,attention_heads,kv_heads\n";

        Response response = api().post("/api/model/populate-database", "text/csv", header
                + "Tiny,inference,tiny,decoder,10,2,100,3,1\n"
                + "Tiny,serving,tiny,decoder,10,2,96,3,1\n");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").valueStream()
                .map(e -> e.path("line").asInt() + ":" + e.path("field").asString()))
                .containsExactly("2:attention_heads", "3:task_type");
    }

    @Test
    void multipartFileUploadLoadsTheCsv() {
        String csv = HEADER + "TEST-GPU-F,Acme,Acme File GPU,TG,2,48,900,200,3.5\n";

        Response response = api().postFile("/api/hardware/populate-database", "file",
                "hardware.csv", csv);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("inserted").asInt()).isEqualTo(1);
        assertThat(findHardware("TEST-GPU-F").path("num_gpu").asInt()).isEqualTo(2);
    }

    @Test
    void aJsonBodyIsNotMistakenForAReloadOfTheBundledCsv() {
        Response response = api().postJson("/api/hardware/populate-database", "{\"x\": 1}");

        assertThat(response.status()).isEqualTo(415);
    }

    private int hardwareCount() {
        return api().get("/api/hardware/").json().path("count").asInt();
    }

    private JsonNode findHardware(String name) {
        return api().get("/api/hardware/").json().path("hardware").valueStream()
                .filter(h -> h.path("name").asString().equals(name)).findFirst().orElseThrow();
    }
}
