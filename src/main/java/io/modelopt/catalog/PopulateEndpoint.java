package io.modelopt.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import io.modelopt.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * The three ways to call populate-database, shared by models and hardware: no body (reload the
 * bundled CSV), a {@code text/csv} body, or a multipart form with a {@code file} part.
 */
@Component
class PopulateEndpoint {

    private final CatalogImporter importer;

    PopulateEndpoint(CatalogImporter importer) {
        this.importer = importer;
    }

    Map<String, Object> bundled(CatalogTable table, HttpServletRequest request) {
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported body",
                    "Send no body to reload the bundled " + table.name() + " CSV, a text/csv "
                            + "body, or a multipart/form-data 'file' part; got "
                            + request.getContentType(), List.of(), null);
        }
        return answer(importer.importBundled(table));
    }

    Map<String, Object> csv(CatalogTable table, String body) {
        return answer(importer.importCsv(table, body == null ? "" : body, "upload"));
    }

    Map<String, Object> file(CatalogTable table, MultipartFile file) {
        try {
            String text = new String(file.getBytes(), StandardCharsets.UTF_8);
            return answer(importer.importCsv(table, text, "upload"));
        } catch (IOException e) {
            throw ApiException.badRequest("file", "could not be read: " + e.getMessage());
        }
    }

    private static Map<String, Object> answer(ImportResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("message", "Loaded " + result.total() + " " + result.table() + " rows from the "
                + result.source() + " CSV: " + result.inserted() + " inserted, "
                + result.updated() + " updated, " + result.unchanged() + " unchanged");
        body.put("table", result.table());
        body.put("source", result.source());
        body.put("inserted", result.inserted());
        body.put("updated", result.updated());
        body.put("unchanged", result.unchanged());
        body.put("total", result.total());
        return body;
    }
}
