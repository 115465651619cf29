package io.modelopt.performance;

/**
 * The arithmetic precision a configuration can run for a requested one, and why it differs.
 *
 * @param compute precision whose peak is used
 * @param note plain-language reason when it differs from the request, else null
 */
record PrecisionChoice(Precision compute, String note) {

    static PrecisionChoice resolve(Precision requested, HardwareSpec hardware) {
        if (hardware.supports(requested)) {
            return new PrecisionChoice(requested, null);
        }
        for (Precision candidate : requested.fallbacks()) {
            if (hardware.supports(candidate)) {
                return new PrecisionChoice(candidate, noteFor(requested, candidate, hardware));
            }
        }
        for (Precision candidate : Precision.values()) {
            if (hardware.supports(candidate)) {
                return new PrecisionChoice(candidate, noteFor(requested, candidate, hardware));
            }
        }
        throw new IllegalStateException("unreachable: a spec always has one peak");
    }

    private static String noteFor(Precision requested, Precision used, HardwareSpec hardware) {
        if (requested == Precision.INT4) {
            return hardware.name() + " has no INT4 tensor peak: INT4 weights are assumed"
                    + " dequantized to " + used + " for the arithmetic (weight-only quantization)";
        }
        return hardware.name() + " does not support " + requested + " arithmetic; estimated at "
                + used + ", the nearest supported precision";
    }
}
