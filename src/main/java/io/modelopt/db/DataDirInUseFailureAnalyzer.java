package io.modelopt.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns "data directory in use" into the short start-up failure report a user can act on. */
class DataDirInUseFailureAnalyzer
        extends AbstractFailureAnalyzer<DataDirLock.DataDirInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure,
            DataDirLock.DataDirInUseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Stop the other modelopt, or set MODELOPT_DATA_DIR (modelopt.data-dir) to a "
                        + "directory of its own for this instance.", cause);
    }
}
