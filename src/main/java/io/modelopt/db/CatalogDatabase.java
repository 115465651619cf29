package io.modelopt.db;

import javax.sql.DataSource;

/** The catalog database (models and hardware; originally {@code Model_Recommendation_DB}). */
public final class CatalogDatabase extends Database {

    CatalogDatabase(DataSource dataSource) {
        super("catalog", dataSource);
    }
}
