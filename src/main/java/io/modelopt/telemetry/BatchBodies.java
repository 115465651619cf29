package io.modelopt.telemetry;

import java.util.List;
import java.util.Map;

import io.modelopt.web.ApiException;

/** Checks the envelope of a push-batch body before its samples are. Thread-safe (stateless). */
final class BatchBodies {

    private BatchBodies() {
    }

    /** The list under {@code field}: present, not empty, within the batch maximum. */
    static <T> List<T> samples(List<T> samples, Map<String, Object> unknownFields, String field,
            int maxSamples) {
        if (unknownFields != null && !unknownFields.isEmpty()) {
            String name = unknownFields.keySet().iterator().next();
            throw ApiException.badRequest(name, "is not a field of this body; the samples go "
                    + "under " + field);
        }
        if (samples == null) {
            throw ApiException.badRequest(field, "is required: a list of samples");
        }
        if (samples.isEmpty()) {
            throw ApiException.badRequest(field, "must hold at least one sample");
        }
        if (samples.size() > maxSamples) {
            throw ApiException.badRequest(field, "holds " + samples.size() + " samples; a "
                    + "batch holds at most " + maxSamples + " (split it into several requests)");
        }
        return samples;
    }
}
