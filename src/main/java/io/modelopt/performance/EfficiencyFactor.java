package io.modelopt.performance;

/**
 * One calibration factor as used by an estimate.
 *
 * @param name the key in {@code calibration.properties}
 * @param value the value applied
 * @param meaning one line saying what the factor does
 */
public record EfficiencyFactor(String name, double value, String meaning) {
}
