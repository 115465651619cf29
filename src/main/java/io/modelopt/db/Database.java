package io.modelopt.db;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One of the service's two logical databases, migrated and ready: its pool, a {@link JdbcClient}
 * for SQL written out, and a transaction template. Thread-safe.
 */
public abstract class Database {

    private final String name;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    Database(String name, DataSource dataSource) {
        this.name = name;
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Short name used in logs and in the status endpoint: "catalog" or "metrics". */
    public String name() {
        return name;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public TransactionTemplate transactions() {
        return transactions;
    }

    /** True when the database answers a trivial query within the pool's connection timeout. */
    public boolean isUp() {
        try {
            return jdbc.sql("SELECT 1").query(Integer.class).single() == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
