package io.modelopt.web;

import java.net.InetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/** The security baseline of the HTTP surface: bind address, bearer tokens, body size. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebConfiguration.class);

    /**
     * An open API must not be reachable from other machines: with no token configured and no
     * explicit {@code server.address}, listen on the loopback interface only.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableWebServerFactory> loopbackWithoutTokens(
            ApiProperties api, Environment environment) {
        return factory -> {
            if (api.tokensRequired()) {
                log.info("API tokens configured [count={}]: /api/** requires a bearer token",
                        api.apiTokens().size());
            } else if (environment.getProperty("server.address") == null) {
                factory.setAddress(InetAddress.getLoopbackAddress());
                log.warn("No API token configured (MODELOPT_API_TOKENS): the API is open, so the "
                        + "server listens on 127.0.0.1 only. Set tokens to serve other hosts.");
            } else {
                log.warn("No API token configured but server.address={} is set: the API is open "
                        + "to every host that reaches that address",
                        environment.getProperty("server.address"));
            }
        };
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ApiProperties api) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(api.maxRequestBody().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiTokenFilter> apiTokenFilter(ApiProperties api) {
        var registration = new FilterRegistrationBean<>(new ApiTokenFilter(api.apiTokens()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.setEnabled(api.tokensRequired());
        return registration;
    }
}
