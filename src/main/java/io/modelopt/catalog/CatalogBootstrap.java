package io.modelopt.catalog;

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

    @Override
    public void afterPropertiesSet() {
        for (CatalogTable table : new CatalogTable[] {CatalogTable.HARDWARE, CatalogTable.MODEL}) {
            if (importer.isEmpty(table)) {
                importer.importBundled(table);
            }
        }
    }
}
