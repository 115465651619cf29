package io.modelopt.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.util.Optional;

import io.modelopt.support.ApiTestBase;
import io.modelopt.support.HostAddresses;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** With no token configured the API is open, so it must not be reachable from other hosts. */
class OpenModeBindingTest extends ApiTestBase {

    @LocalServerPort
    private int port;

    @Test
    void withoutTokensTheServerListensOnLoopbackOnly() {
        Optional<InetAddress> external = HostAddresses.nonLoopback();
        assumeTrue(external.isPresent(), "this machine has no non-loopback address to try");

        assertThat(HostAddresses.accepts(InetAddress.getLoopbackAddress(), port)).isTrue();
        assertThat(HostAddresses.accepts(external.get(), port)).isFalse();
    }

    @Test
    void withoutTokensApiCallsNeedNoToken() {
        assertThat(api().get("/api/status").status()).isEqualTo(200);
    }
}
