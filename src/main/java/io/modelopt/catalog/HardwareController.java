package io.modelopt.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import io.modelopt.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The hardware configurations of the catalog. */
@RestController
@RequestMapping("/api/hardware")
@Tag(name = "Hardware", description = "GPU configurations and CPU servers of the catalog")
class HardwareController {

    private final HardwareRepository hardware;
    private final PopulateEndpoint populate;

    HardwareController(HardwareRepository hardware, PopulateEndpoint populate) {
        this.hardware = hardware;
        this.populate = populate;
    }

    @Operation(summary = "Get all hardware configurations")
    @GetMapping("/")
    Map<String, Object> list() {
        List<Hardware> all = hardware.findAll();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("hardware", all);
        body.put("count", all.size());
        return body;
    }

    @Operation(summary = "Get a hardware configuration by id")
    @GetMapping("/{hardwareId}")
    Map<String, Object> get(@PathVariable long hardwareId) {
        Hardware found = hardware.findById(hardwareId).orElseThrow(() ->
                ApiException.notFound("No hardware with id " + hardwareId
                        + "; GET /api/hardware/ lists them"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "success");
        body.put("hardware", found);
        return body;
    }

    @Operation(summary = "Populate hardware from the bundled CSV",
            description = "With no body, reloads the CSV shipped with the service. Upserts by "
                    + "name in one transaction; answers counts inserted, updated, unchanged.")
    @PostMapping("/populate-database")
    Map<String, Object> populateBundled(HttpServletRequest request) {
        return populate.bundled(CatalogTable.HARDWARE, request);
    }

    @Operation(summary = "Populate hardware from an uploaded CSV",
            description = "One bad row rejects the whole file with a 400 naming line, column "
                    + "and problem; nothing is written then.")
    @PostMapping(path = "/populate-database", consumes = "text/csv")
    Map<String, Object> populateCsv(@RequestBody String csv) {
        return populate.csv(CatalogTable.HARDWARE, csv);
    }

    @Operation(summary = "Populate hardware from a CSV file (multipart part 'file')")
    @PostMapping(path = "/populate-database", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> populateFile(@RequestParam("file") MultipartFile file) {
        return populate.file(CatalogTable.HARDWARE, file);
    }
}
