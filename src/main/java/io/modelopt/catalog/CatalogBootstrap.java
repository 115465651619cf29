package io.modelopt.catalog;

import java.util.stream.Collectors;

import io.modelopt.web.ApiException;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Loads the bundled catalog into empty tables at start-up, before the server accepts requests.
 * Tables that already hold rows are left alone: a user's own uploads survive restarts.
 */
@Component
class CatalogBootstrap implements InitializingBean {

    private final CatalogImporter importer;

    CatalogBootstrap(CatalogImporter importer) {
        this.importer = importer;
    }

    private void loadBundled(CatalogTable table) {
        try {
            importer.importBundled(table);
        } catch (ApiException e) {
            // A defect of the build, not of the user's input: say exactly what is wrong.
            String problems = e.errors().stream()
                    .map(p -> "line " + p.line() + ", " + p.field() + ": " + p.message())
                    .collect(Collectors.joining("; "));
            throw new IllegalStateException("The bundled " + table.bundledResource()
                    + " is invalid: " + problems, e);
        }
    }

    @Override
    public void afterPropertiesSet() {
        for (CatalogTable table : new CatalogTable[] {CatalogTable.HARDWARE, CatalogTable.MODEL}) {
            if (importer.isEmpty(table)) {
                loadBundled(table);
            }
        }
    }
}
