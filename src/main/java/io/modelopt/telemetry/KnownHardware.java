package io.modelopt.telemetry;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.modelopt.catalog.HardwareRepository;
import org.springframework.stereotype.Component;

/**
 * Answers whether a hardware id names a configuration of the catalog, for the check that refuses
 * monitoring samples of unknown hardware. The catalog lives in another database (no foreign key
 * can reach it), so ids seen once are remembered: a known id costs no query. An unknown id is
 * looked up every time, so hardware added to the catalog is accepted at once. A configuration
 * deleted from the catalog stays accepted until the service restarts. Thread-safe.
 */
@Component
class KnownHardware {

    private final HardwareRepository catalog;
    private final Set<Long> known = ConcurrentHashMap.newKeySet();

    KnownHardware(HardwareRepository catalog) {
        this.catalog = catalog;
    }

    boolean exists(long hardwareId) {
        if (known.contains(hardwareId)) {
            return true;
        }
        if (catalog.findById(hardwareId).isPresent()) {
            known.add(hardwareId);
            return true;
        }
        return false;
    }
}
