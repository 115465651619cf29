package io.modelopt.telemetry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import io.modelopt.web.ApiException;

/**
 * Where a page of a GET ended: the timestamp and id of its last row. Rows are ordered newest
 * first ({@code timestamp DESC, id DESC}), so the next page holds the rows strictly before this
 * position. Keyset paging: a page stays correct while new samples arrive, and costs the same at
 * any depth. On the wire it is an opaque URL-safe string ({@code next_cursor}).
 */
record PageCursor(Instant timestamp, long id) {

    String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, timestamp);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads a {@code cursor} parameter; null when absent. */
    static PageCursor decode(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text.trim()),
                    StandardCharsets.US_ASCII);
            int colon = plain.indexOf(':');
            long micros = Long.parseLong(plain.substring(0, colon));
            long id = Long.parseLong(plain.substring(colon + 1));
            return new PageCursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
        } catch (IllegalArgumentException | IndexOutOfBoundsException
                | java.time.DateTimeException | ArithmeticException e) {
            throw ApiException.badRequest("cursor", "is not a cursor this service handed out; "
                    + "pass the next_cursor of the previous page unchanged");
        }
    }
}
