package io.modelopt.telemetry;

/**
 * Where a sample sits in a request body: the body itself, or {@code list[index]}. Field paths are
 * built only when a problem is reported, so checking a valid batch concatenates no strings.
 *
 * @param list the name of the list holding the sample, or null for a sample that is the body
 * @param index the sample's index in the list
 */
record SamplePath(String list, int index) {

    static final SamplePath BODY = new SamplePath(null, -1);

    /** The JSON path of one of the sample's fields: {@code metrics_data[3].timestamp}. */
    String field(String name) {
        return list == null ? name : list + "[" + index + "]." + name;
    }

    /** The JSON path of the sample itself. */
    String self() {
        return list == null ? "body" : list + "[" + index + "]";
    }
}
