package io.modelopt.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the HTTP surface.
 *
 * @param apiTokens bearer tokens accepted on {@code /api/**} ({@code MODELOPT_API_TOKENS},
 *     comma-separated). With none, the API is open and the server binds to 127.0.0.1 only.
 * @param maxRequestBody largest request body accepted (default 16MB); larger ones get a 413
 */
@ConfigurationProperties("modelopt")
public record ApiProperties(List<String> apiTokens, DataSize maxRequestBody) {

    public ApiProperties {
        apiTokens = apiTokens == null ? List.of()
                : apiTokens.stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
        maxRequestBody = maxRequestBody == null ? DataSize.ofMegabytes(16) : maxRequestBody;
    }

    public boolean tokensRequired() {
        return !apiTokens.isEmpty();
    }
}
