package io.modelopt.catalog;

/**
 * What a populate-database call did to a table.
 *
 * @param table the table loaded
 * @param source "bundled" for the CSV shipped with the service, "upload" for a request body
 * @param inserted rows that did not exist before
 * @param updated rows that existed and changed
 * @param unchanged rows that existed with exactly these values
 */
record ImportResult(String table, String source, int inserted, int updated, int unchanged) {

    int total() {
        return inserted + updated + unchanged;
    }
}
