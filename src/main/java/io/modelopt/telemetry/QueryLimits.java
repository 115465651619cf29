package io.modelopt.telemetry;

import io.modelopt.web.ApiException;
import org.springframework.stereotype.Component;

/** Resolves the {@code limit} of a GET against the configured default and maximum. */
@Component
class QueryLimits {

    private final TelemetryProperties settings;

    QueryLimits(TelemetryProperties settings) {
        this.settings = settings;
    }

    int resolve(Integer limit) {
        if (limit == null) {
            return settings.defaultQueryLimit();
        }
        if (limit < 1 || limit > settings.maxQueryLimit()) {
            throw ApiException.badRequest("limit", "must be within 1.." + settings.maxQueryLimit()
                    + ", not " + limit + "; page on with next_cursor for more rows");
        }
        return limit;
    }
}
