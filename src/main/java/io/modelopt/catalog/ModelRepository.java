package io.modelopt.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.modelopt.db.CatalogDatabase;
import org.springframework.stereotype.Repository;

/** Reads models from the catalog database. Matching of names and types ignores case. */
@Repository
public class ModelRepository {

    private static final String COLUMNS = """
            id, model_name, task_type, framework, model_type, family, architecture_type,
            total_parameters_millions, model_size_mb, number_of_hidden_layers,
            embedding_vector_dimension, number_of_attention_layers, attention_heads, kv_heads,
            ffn_dimension, vocabulary_size, experts_total, experts_active,
            default_sequence_length, gflops_per_sample, precision, activation_function,
            model_artifact IS NOT NULL AS model_pickle, created_at, updated_at
            """;

    private final CatalogDatabase database;

    ModelRepository(CatalogDatabase database) {
        this.database = database;
    }

    /**
     * Models filtered by type and task (either may be null for all), smallest first, so that
     * the first of a type is its base variant (BERT-base before BERT-large).
     */
    public List<CatalogModel> find(String modelType, String taskType) {
        return database.jdbc().sql("SELECT " + COLUMNS + " FROM model"
                        + " WHERE (CAST(:type AS text) IS NULL OR lower(model_type) = lower(:type))"
                        + " AND (CAST(:task AS text) IS NULL OR task_type = lower(:task))"
                        + " ORDER BY total_parameters_millions, model_name, task_type")
                .param("type", modelType)
                .param("task", taskType)
                .query(ModelRepository::map).list();
    }

    public Optional<CatalogModel> findByName(String modelName, String taskType) {
        return database.jdbc().sql("SELECT " + COLUMNS + " FROM model"
                        + " WHERE lower(model_name) = lower(:name) AND task_type = lower(:task)"
                        + " ORDER BY id LIMIT 1")
                .param("name", modelName)
                .param("task", taskType)
                .query(ModelRepository::map).optional();
    }

    public List<String> modelTypes() {
        return database.jdbc().sql("SELECT DISTINCT model_type FROM model ORDER BY model_type")
                .query(String.class).list();
    }

    public List<String> taskTypes() {
        return database.jdbc().sql("SELECT DISTINCT task_type FROM model ORDER BY task_type")
                .query(String.class).list();
    }

    static CatalogModel map(ResultSet rs, int row) throws SQLException {
        return new CatalogModel(
                rs.getLong("id"),
                rs.getString("model_name"),
                rs.getString("task_type"),
                rs.getString("framework"),
                rs.getString("model_type"),
                rs.getString("family"),
                rs.getString("architecture_type"),
                rs.getDouble("total_parameters_millions"),
                rs.getObject("model_size_mb", Double.class),
                rs.getObject("number_of_hidden_layers", Integer.class),
                rs.getObject("embedding_vector_dimension", Integer.class),
                rs.getObject("number_of_attention_layers", Integer.class),
                rs.getObject("attention_heads", Integer.class),
                rs.getObject("kv_heads", Integer.class),
                rs.getObject("ffn_dimension", Integer.class),
                rs.getObject("vocabulary_size", Integer.class),
                rs.getObject("experts_total", Integer.class),
                rs.getObject("experts_active", Integer.class),
                rs.getObject("default_sequence_length", Integer.class),
                rs.getObject("gflops_per_sample", Double.class),
                rs.getString("precision"),
                rs.getString("activation_function"),
                rs.getBoolean("model_pickle"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
