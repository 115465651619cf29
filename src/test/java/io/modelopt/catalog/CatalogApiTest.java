package io.modelopt.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelopt.support.ApiClient.Response;
import io.modelopt.support.ApiTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CatalogApiTest extends ApiTestBase {

    @Test
    void hardwareListHoldsTheBundledCatalog() {
        Response response = api().get("/api/hardware/");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("status").asString()).isEqualTo("success");
        assertThat(body.path("count").asInt()).isGreaterThanOrEqualTo(22);
        assertThat(body.path("hardware").valueStream().map(h -> h.path("name").asString()))
                .contains("T4", "L4", "H100-SXM5-80GB", "8xH100-SXM5-80GB");
        JsonNode first = body.path("hardware").get(0);
        for (String field : new String[] {"id", "cpu", "gpu", "num_gpu",
                "gpu_memory_total_vram_mb", "gpu_graphics_clock", "gpu_memory_clock",
                "gpu_sm_cores", "gpu_cuda_cores", "cpu_total_cores", "cpu_threads_per_core",
                "cpu_base_clock_ghz", "cpu_max_frequency_ghz", "l1_cache",
                "cpu_power_consumption", "gpu_power_consumption", "created_at", "updated_at",
                "full_name", "peak_fp16_tflops", "memory_bandwidth_gbps", "price_usd_per_hour"}) {
            assertThat(first.has(field)).as("field %s", field).isTrue();
        }
    }

    @Test
    void hardwareByIdAnswersTheRowAndUnknownIdIs404() {
        long id = api().get("/api/hardware/").json().path("hardware").get(0).path("id").asLong();

        Response found = api().get("/api/hardware/" + id);
        Response missing = api().get("/api/hardware/999999");
        Response malformed = api().get("/api/hardware/abc");

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("hardware").path("id").asLong()).isEqualTo(id);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorFields()).containsExactly("hardwareId");
    }

    @Test
    void getModelDataReturnsTheBaseModelOfATypeCaseInsensitively() {
        Response response = api().postJson("/api/model/get-model-data",
                "{\"model_type\": \"BERT\", \"task_type\": \"Inference\"}");

        assertThat(response.status()).isEqualTo(200);
        JsonNode model = response.json().path("model_data");
        assertThat(response.json().path("status").asString()).isEqualTo("success");
        assertThat(model.path("model_name").asString()).isEqualTo("BERT-base");
        assertThat(model.path("number_of_hidden_layers").asInt()).isEqualTo(12);
        assertThat(model.path("embedding_vector_dimension").asInt()).isEqualTo(768);
        assertThat(model.path("vocabulary_size").asInt()).isEqualTo(30522);
        assertThat(model.path("model_pickle").isBoolean()).isTrue();
        assertThat(response.json().path("matching_models").valueStream()
                .map(JsonNode::asString)).contains("BERT-base", "BERT-large");
    }

    @Test
    void getModelDataPicksANamedModelOfTheType() {
        Response response = api().postJson("/api/model/get-model-data",
                "{\"model_type\": \"llama\", \"task_type\": \"training\","
                        + " \"model_name\": \"llama-2-70b\"}");

        assertThat(response.status()).isEqualTo(200);
        JsonNode model = response.json().path("model_data");
        assertThat(model.path("model_name").asString()).isEqualTo("Llama-2-70B");
        assertThat(model.path("task_type").asString()).isEqualTo("training");
        assertThat(model.path("kv_heads").asInt()).isEqualTo(8);
    }

    @Test
    void getModelDataForAnUnknownTypeIs404ListingWhatExists() {
        Response response = api().postJson("/api/model/get-model-data",
                "{\"model_type\": \"nonexistent\", \"task_type\": \"inference\"}");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("detail").asString()).contains("bert", "llama");
    }

    @Test
    void getModelDataRejectsMissingAndInvalidFields() {
        Response missing = api().postJson("/api/model/get-model-data", "{\"task_type\": \"x\"}");
        Response badTask = api().postJson("/api/model/get-model-data",
                "{\"model_type\": \"bert\", \"task_type\": \"serving\"}");
        Response wrongType = api().postJson("/api/model/get-model-data",
                "{\"model_type\": {\"nested\": 1}}");
        Response malformed = api().postJson("/api/model/get-model-data", "{\"model_type\": ");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).containsExactly("model_type");
        assertThat(badTask.status()).isEqualTo(400);
        assertThat(badTask.errorFields()).containsExactly("task_type");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.errorFields()).containsExactly("model_type");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
    }

    @Test
    void modelListFiltersByTypeAndTask() {
        Response all = api().get("/api/model/");
        Response llamaTraining = api().get("/api/model/?model_type=LLAMA&task_type=training");

        assertThat(all.json().path("count").asInt()).isEqualTo(32);
        JsonNode models = llamaTraining.json().path("models");
        assertThat(models.size()).isEqualTo(5);
        assertThat(models.valueStream().map(m -> m.path("task_type").asString()))
                .containsOnly("training");
    }
}
