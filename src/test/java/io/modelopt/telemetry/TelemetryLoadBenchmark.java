package io.modelopt.telemetry;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.postgresql.PGConnection;

/**
 * The load generator behind {@code scripts/bench-telemetry.sh}: drives a running service over
 * loopback and measures, in the same run, a baseline straight against the service's PostgreSQL.
 * Every loop is bounded by a sample count or a duration. Prints one line per measurement and a
 * Markdown table of medians at the end.
 *
 * <p>Scenarios: {@code batch} (push-metrics-batch, 1000 samples a request, 4 clients) against one
 * COPY of the same rows; {@code single} (push-metrics, 64 clients) against one durable single-row
 * INSERT per sample (one connection, and 64 connections); {@code query} (loads the given number
 * of samples over 30 days through the API, then metrics-summary over one day against the same
 * aggregate as plain SQL, and GET metrics with limit 1000).
 */
public final class TelemetryLoadBenchmark {

    private static final int HARDWARE_IDS = 20;
    private static final int BATCH = 1000;

    private final int httpPort;
    private final String jdbcUrl;
    private final Map<String, List<Double>> results = new LinkedHashMap<>();

    private TelemetryLoadBenchmark(int httpPort, String jdbcUrl) {
        this.httpPort = httpPort;
        this.jdbcUrl = jdbcUrl;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int httpPort = Integer.parseInt(options.getOrDefault("http-port", "8080"));
        int pgPort = Integer.parseInt(options.getOrDefault("pg-port", "5432"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        Duration duration = Duration.ofSeconds(
                Long.parseLong(options.getOrDefault("seconds", "10")));
        long querySamples = Long.parseLong(options.getOrDefault("query-samples", "10000000"));
        List<String> scenarios = Arrays.asList(
                options.getOrDefault("scenarios", "batch,single,query").split(","));
        var bench = new TelemetryLoadBenchmark(httpPort,
                "jdbc:postgresql://127.0.0.1:" + pgPort + "/modelopt_metrics?user=postgres");
        if (scenarios.contains("batch")) {
            bench.batch(runs, duration);
        }
        if (scenarios.contains("single")) {
            bench.single(runs, duration);
        }
        if (scenarios.contains("query")) {
            bench.query(querySamples);
        }
        bench.printMedians();
    }

    // ---- batch ingest -------------------------------------------------------------------

    private void batch(int runs, Duration duration) throws Exception {
        List<byte[]> bodies = new ArrayList<>();
        List<String> copyRows = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(1);
        Instant base = Instant.now().minus(Duration.ofMinutes(50)).truncatedTo(ChronoUnit.SECONDS);
        for (int b = 0; b < 40; b++) {
            StringBuilder json = new StringBuilder("{\"metrics_data\":[");
            for (int i = 0; i < BATCH; i++) {
                Instant t = base.plusMillis(random.nextLong(40 * 60_000));
                double[] v = values(random);
                long hardwareId = 1 + random.nextInt(HARDWARE_IDS);
                json.append(i == 0 ? "" : ",").append(sampleJson(hardwareId, v, t));
                copyRows.add(hardwareId + "\t" + v[0] + "\t" + v[1] + "\t" + v[2] + "\t" + v[3]
                        + "\t" + v[4] + "\t" + v[5] + "\t" + v[6] + "\t" + v[7] + "\t\\N\t" + t);
            }
            bodies.add(json.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        }
        for (int run = 1; run <= runs; run++) {
            double api = pushBodies("/api/monitoring/push-metrics-batch", bodies, BATCH, 4,
                    duration);
            record("batch ingest via API, samples/s", api);
            double copy = rawCopy(copyRows, (int) Math.max(200_000, Math.min(2_000_000, api * 4)));
            record("batch baseline raw COPY, rows/s", copy);
            System.out.printf(Locale.ROOT, "batch run %d: api %.0f samples/s, COPY %.0f rows/s,"
                    + " ratio %.2f%n", run, api, copy, api / copy);
            record("batch ratio API / COPY", api / copy);
        }
    }

    /** One COPY of {@code rows} rows (the same rows, repeated) in one durable transaction. */
    private double rawCopy(List<String> rows, int count) throws SQLException, java.io.IOException {
        StringBuilder text = new StringBuilder(count * 120);
        long id = 4_000_000_000_000_000L + System.nanoTime() % 1_000_000_000L * 1_000_000L;
        for (int i = 0; i < count; i++) {
            text.append(id++).append('\t').append(rows.get(i % rows.size())).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    SeriesCopy.copySql(Series.HARDWARE), new ByteArrayInputStream(bytes));
            connection.commit();
            return count / seconds(start);
        }
    }

    // ---- single-sample pushes -------------------------------------------------------------

    private static final Duration WARM_UP = Duration.ofSeconds(60);

    private void single(int runs, Duration duration) throws Exception {
        SplittableRandom random = new SplittableRandom(2);
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            bodies.add(sampleJson(1 + random.nextInt(HARDWARE_IDS), values(random), null)
                    .getBytes(StandardCharsets.UTF_8));
        }
        // A freshly started service is still JIT-compiling its request path (a profile showed
        // the C2 compiler at a fifth of the CPU in the first measured run): warm it unmeasured.
        double warm = pushBodies("/api/monitoring/push-metrics", bodies, 1, 64, WARM_UP);
        System.out.printf(Locale.ROOT, "single warm-up (%d s, not recorded): api %.0f/s%n",
                WARM_UP.toSeconds(), warm);
        for (int run = 1; run <= runs; run++) {
            double api = pushBodies("/api/monitoring/push-metrics", bodies, 1, 64, duration);
            record("single push via API (64 clients), samples/s", api);
            double one = singleInserts(1, duration.dividedBy(2));
            record("single baseline INSERT per sample (1 connection), rows/s", one);
            double many = singleInserts(64, duration.dividedBy(2));
            record("single baseline INSERT per sample (64 connections), rows/s", many);
            System.out.printf(Locale.ROOT, "single run %d: api %.0f/s, INSERT x1 %.0f/s, "
                    + "INSERT x64 %.0f/s%n", run, api, one, many);
            record("single ratio API / INSERT (1 connection)", api / one);
            record("single ratio API / INSERT (64 connections)", api / many);
        }
    }

    private double singleInserts(int connections, Duration duration) throws Exception {
        AtomicLong ids = new AtomicLong(5_000_000_000_000_000L + System.nanoTime() % 1_000_000_000L
                * 1_000_000L);
        long deadline = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        List<Callable<Long>> tasks = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            tasks.add(() -> {
                long done = 0;
                SplittableRandom random = new SplittableRandom();
                try (Connection connection = DriverManager.getConnection(jdbcUrl);
                        PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO hardware_monitoring (id, hardware_id, "
                                + "cpu_usage_percent, gpu_usage_percent, memory_usage_percent, "
                                + "timestamp) VALUES (?, ?, ?, ?, ?, ?)")) {
                    while (System.nanoTime() < deadline) {
                        insert.setLong(1, ids.getAndIncrement());
                        insert.setLong(2, 1 + random.nextInt(HARDWARE_IDS));
                        insert.setDouble(3, random.nextDouble() * 100);
                        insert.setDouble(4, random.nextDouble() * 100);
                        insert.setDouble(5, random.nextDouble() * 100);
                        insert.setObject(6, Instant.now().atOffset(ZoneOffset.UTC));
                        insert.executeUpdate();
                        done++;
                    }
                }
                return done;
            });
        }
        return sum(runAll(tasks)) / seconds(start);
    }

    // ---- queries over a large data set ----------------------------------------------------

    private void query(long samples) throws Exception {
        LocalDate firstDay = LocalDate.now(ZoneOffset.UTC).minusDays(31);
        Instant from = firstDay.atStartOfDay().toInstant(ZoneOffset.UTC);
        double stepMs = Duration.ofDays(30).toMillis() / (double) samples;
        long requests = (samples + BATCH - 1) / BATCH;
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        List<Callable<Long>> loaders = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            loaders.add(() -> {
                long sent = 0;
                SplittableRandom random = new SplittableRandom(next.get() + 17);
                try (LoopbackHttp http = new LoopbackHttp(httpPort)) {
                    for (long r = next.getAndIncrement(); r < requests;
                            r = next.getAndIncrement()) {
                        StringBuilder json = new StringBuilder("{\"metrics_data\":[");
                        for (int i = 0; i < BATCH; i++) {
                            long index = r * BATCH + i;
                            Instant t = from.plusMillis((long) (index * stepMs));
                            json.append(i == 0 ? "" : ",").append(sampleJson(
                                    1 + index % HARDWARE_IDS, values(random), t));
                        }
                        byte[] body = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
                        expectOk(http.post("/api/monitoring/push-metrics-batch", body));
                        sent += BATCH;
                    }
                }
                return sent;
            });
        }
        long loaded = sum(runAll(loaders));
        double loadRate = loaded / seconds(start);
        record("query data load via API (4 clients), samples/s", loadRate);
        System.out.printf(Locale.ROOT, "loaded %d samples over 30 days in %.0f s (%.0f/s)%n",
                loaded, seconds(start), loadRate);
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            connection.createStatement().execute("VACUUM ANALYZE hardware_monitoring");
        }

        LocalDate day = firstDay.plusDays(15);
        Instant dayStart = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant dayEnd = dayStart.plus(Duration.ofDays(1));
        String wholeDay = "/api/monitoring/metrics-summary?start_time=" + dayStart
                + "&end_time=" + dayEnd.minusNanos(1000);
        String cutDay = "/api/monitoring/metrics-summary?start_time="
                + dayStart.plus(Duration.ofMinutes(30)) + "&end_time="
                + dayEnd.plus(Duration.ofMinutes(30)).minusNanos(1000);
        try (LoopbackHttp http = new LoopbackHttp(httpPort);
                Connection connection = DriverManager.getConnection(jdbcUrl)) {
            for (int run = 0; run < 5; run++) {
                timeGet(http, wholeDay);
                timeSql(connection, dayStart, dayEnd);
            }
            for (int run = 0; run < 30; run++) {
                record("summary of one day via API (rollups), ms", timeGet(http, wholeDay));
                record("summary of one day cutting hours via API, ms", timeGet(http, cutDay));
                record("summary baseline plain SQL over the day's raw rows, ms",
                        timeSql(connection, dayStart, dayEnd));
            }
            String newest = "/api/monitoring/metrics?limit=1000";
            String byHardware = "/api/monitoring/metrics?limit=1000&hardware_id=7";
            String inDay = "/api/monitoring/metrics?limit=1000&start_time=" + dayStart
                    + "&end_time=" + dayEnd;
            for (int run = 0; run < 5; run++) {
                timeGet(http, newest);
            }
            for (int run = 0; run < 50; run++) {
                record("GET metrics limit 1000 (newest), ms", timeGet(http, newest));
                record("GET metrics limit 1000 (one hardware_id), ms", timeGet(http, byHardware));
                record("GET metrics limit 1000 (within one day), ms", timeGet(http, inDay));
            }
        }
    }

    private static double timeGet(LoopbackHttp http, String path) throws Exception {
        long start = System.nanoTime();
        expectOk(http.get(path));
        return (System.nanoTime() - start) / 1e6;
    }

    private static double timeSql(Connection connection, Instant from, Instant to)
            throws SQLException {
        long start = System.nanoTime();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT count(*), avg(cpu_usage_percent), avg(gpu_usage_percent),
                       avg(memory_usage_percent), max(cpu_usage_percent),
                       max(gpu_usage_percent), max(memory_usage_percent),
                       min(timestamp), max(timestamp)
                FROM hardware_monitoring WHERE timestamp >= ? AND timestamp < ?""")) {
            statement.setObject(1, from.atOffset(ZoneOffset.UTC));
            statement.setObject(2, to.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
            }
        }
        return (System.nanoTime() - start) / 1e6;
    }

    // ---- shared ---------------------------------------------------------------------------

    /** Posts the bodies round-robin from {@code clients} threads for the duration. */
    private double pushBodies(String path, List<byte[]> bodies, int samplesPerBody, int clients,
            Duration duration) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        List<Callable<Long>> tasks = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            tasks.add(() -> {
                long sent = 0;
                try (LoopbackHttp http = new LoopbackHttp(httpPort)) {
                    for (int i = offset; System.nanoTime() < deadline; i++) {
                        expectOk(http.post(path, bodies.get(i % bodies.size())));
                        sent += samplesPerBody;
                    }
                }
                return sent;
            });
        }
        return sum(runAll(tasks)) / seconds(start);
    }

    private static String sampleJson(long hardwareId, double[] v, Instant timestamp) {
        return "{\"hardware_id\":" + hardwareId + ",\"cpu_usage_percent\":" + v[0]
                + ",\"gpu_usage_percent\":" + v[1] + ",\"memory_usage_percent\":" + v[2]
                + ",\"temperature_cpu\":" + v[3] + ",\"temperature_gpu\":" + v[4]
                + ",\"power_consumption_watts\":" + v[5] + ",\"network_usage_mbps\":" + v[6]
                + ",\"disk_usage_percent\":" + v[7]
                + (timestamp == null ? "" : ",\"timestamp\":\"" + timestamp + "\"") + "}";
    }

    /** Plausible values rounded to 0.1, as agents report them. */
    private static double[] values(SplittableRandom random) {
        return new double[] {round(random.nextDouble(100)), round(random.nextDouble(100)),
                round(random.nextDouble(100)), round(30 + random.nextDouble(60)),
                round(30 + random.nextDouble(60)), round(50 + random.nextDouble(400)),
                round(random.nextDouble(1000)), round(random.nextDouble(100))};
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static void expectOk(LoopbackHttp.Response response) {
        if (response.status() != 200) {
            throw new IllegalStateException("HTTP " + response.status() + ": " + response.body());
        }
    }

    private static List<Long> runAll(List<Callable<Long>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Long> results = new ArrayList<>();
            for (Future<Long> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long sum(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void record(String name, double value) {
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    private void printMedians() {
        System.out.println();
        System.out.println("| measurement | median | runs |");
        System.out.println("| --- | ---: | ---: |");
        results.forEach((name, values) -> {
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
            String format = median >= 100 ? "%.0f" : "%.2f";
            System.out.printf(Locale.ROOT, "| %s | " + format + " | %d |%n", name, median,
                    sorted.length);
        });
    }
}
