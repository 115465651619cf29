package io.modelopt.performance;

import java.util.Locale;

/** Whether the workload serves requests or trains the model. */
public enum TaskType {

    INFERENCE,
    TRAINING;

    public static TaskType parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
