package io.modelopt.telemetry;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the ISO-8601 date-times of the API. {@code 2024-01-01T12:00:00Z} and
 * {@code 2024-01-01T12:00:00+02:00} carry their offset; a date-time without one
 * ({@code 2024-01-01T12:00:00}, the form api-spec.md shows) is UTC. Fractions of a second are
 * kept to the microsecond, the resolution PostgreSQL stores. Thread-safe (stateless).
 */
final class Timestamps {

    static final String FORMAT_HINT = "an ISO-8601 date-time such as 2024-01-01T12:00:00Z "
            + "(without an offset it is UTC)";

    private Timestamps() {
    }

    /**
     * Parses the text, or returns null when it is not an ISO-8601 date-time. A space where the
     * offset's '+' belongs is read as '+': an unencoded '+' in a query string arrives as a space.
     */
    static Instant parseOrNull(String text) {
        String trimmed = text.trim();
        if (trimmed.length() > 19 && trimmed.charAt(trimmed.length() - 6) == ' ') {
            trimmed = trimmed.substring(0, trimmed.length() - 6) + '+'
                    + trimmed.substring(trimmed.length() - 5);
        }
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(trimmed,
                    OffsetDateTime::from, LocalDateTime::from);
            Instant instant = parsed instanceof OffsetDateTime offset ? offset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
            return instant.truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static OffsetDateTime sql(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
