package io.modelopt.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;

import io.modelopt.support.ApiClient;
import io.modelopt.support.ApiClient.Response;
import io.modelopt.support.ApiTestBase;
import io.modelopt.support.HostAddresses;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With tokens configured, every /api/** call needs one; health stays open. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "modelopt.api-tokens=first-secret, second-secret")
class ApiTokenTest {

    private static final Path DATA_DIR = ApiTestBase.freshDataDir("tokens");

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
    void apiCallWithoutTokenIs401WithAChallenge() {
        Response response = api().get("/api/status");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.wwwAuthenticate()).startsWith("Bearer");
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void apiCallWithAWrongTokenIs401() {
        assertThat(api().withToken("first-secretX").get("/api/status").status()).isEqualTo(401);
        assertThat(api().withToken("").get("/api/hardware/").status()).isEqualTo(401);
    }

    @Test
    void eachConfiguredTokenIsAccepted() {
        assertThat(api().withToken("first-secret").get("/api/status").status()).isEqualTo(200);
        assertThat(api().withToken("second-secret").get("/api/hardware/").status())
                .isEqualTo(200);
    }

    @Test
    void healthNeedsNoToken() {
        assertThat(api().get("/health").status()).isEqualTo(200);
    }

    @Test
    void withTokensTheServerIsReachableBeyondLoopback() {
        var external = HostAddresses.nonLoopback();
        assumeTrue(external.isPresent(), "this machine has no non-loopback address to try");

        assertThat(HostAddresses.accepts(external.get(), port)).isTrue();
    }
}
