package io.modelopt.recommendation;

import java.util.Locale;

/** Number formatting for the plain-language reasons. */
final class Text {

    private Text() {
    }

    /** Three significant digits, no exponent: 0.0231, 45.2, 1040. */
    static String num(double value) {
        if (value == 0) {
            return "0";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        int decimals = 2 - (int) Math.floor(Math.log10(magnitude));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
