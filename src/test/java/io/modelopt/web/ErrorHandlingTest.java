package io.modelopt.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelopt.support.ApiClient.Response;
import io.modelopt.support.ApiTestBase;
import org.junit.jupiter.api.Test;

class ErrorHandlingTest extends ApiTestBase {

    @Test
    void unknownPathIsA404ProblemDetail() {
        Response response = api().get("/api/does-not-exist");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(404);
    }

    @Test
    void wrongMethodIsA405() {
        Response response = api().get("/api/model/get-model-data");

        assertThat(response.status()).isEqualTo(405);
    }

    @Test
    void wrongContentTypeIsA415() {
        Response response = api().post("/api/model/get-model-data", "text/plain", "hello");

        assertThat(response.status()).isEqualTo(415);
    }

    @Test
    void bodyAboveTheLimitIsA413WithoutBeingRead() {
        String huge = "{\"model_type\": \"" + "x".repeat(17 * 1024 * 1024) + "\"}";

        Response response = api().postJson("/api/model/get-model-data", huge);

        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void problemDetailsNeverCarryAStackTrace() {
        Response response = api().postJson("/api/model/get-model-data", "[1, 2");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Exception", "at io.modelopt");
    }
}
