-- Metrics database (originally Metrics_db): three time series and their hourly rollups.
--   hardware_monitoring   <- Hardware_Monitoring_table (a TimescaleDB hypertable there)
--   vm_metrics            <- the VM metrics of api-spec.md
--   host_process_metrics  <- the host process metrics of api-spec.md
--
-- Each series is range-partitioned by "timestamp" into daily partitions named
-- <table>_YYYYMMDD (UTC days). The service creates them (io.modelopt.telemetry.Partitions):
-- ahead of time on a schedule, and on demand for an older sample; retention drops whole days.
-- There is no default partition: a row for a missing day fails instead of landing in a catch-all
-- that would have to be split later.
--
-- Ids come from sequences that step by 1000: the service reserves a block of 1000 ids with one
-- nextval() and assigns them itself, so a COPY needs no per-row default. Ids are unique within a
-- table and never reused; they are not ordered by time across restarts or instances.
--
-- Rollups (<table>_hourly) are kept by the ingest path in the transaction that writes the raw
-- rows, so a summary that combines rollups with raw rows reads one consistent snapshot. Sums are
-- numeric: the value of a float8 sample converted as PostgreSQL converts float8 to numeric, so
-- sum / count over rollups equals avg(value::numeric) over the raw rows exactly.
-- Validation of ranges (percentages, temperatures, ...) is the service's; the tables carry no
-- CHECK constraints so that ingest pays nothing per row for them.

CREATE SEQUENCE hardware_monitoring_id_seq INCREMENT BY 1000;

CREATE TABLE hardware_monitoring (
    id                       bigint NOT NULL,
    hardware_id              bigint NOT NULL,
    cpu_usage_percent        double precision,
    gpu_usage_percent        double precision,
    memory_usage_percent     double precision,
    temperature_cpu          double precision,   -- degrees Celsius
    temperature_gpu          double precision,   -- degrees Celsius
    power_consumption_watts  double precision,
    network_usage_mbps       double precision,
    disk_usage_percent       double precision,
    additional_metrics       jsonb,
    timestamp                timestamptz NOT NULL,
    PRIMARY KEY (timestamp, id)
) PARTITION BY RANGE (timestamp);

CREATE INDEX hardware_monitoring_hardware_time ON hardware_monitoring (hardware_id, timestamp, id);

CREATE TABLE hardware_monitoring_hourly (
    hardware_id     bigint NOT NULL,
    hour            timestamptz NOT NULL,
    sample_count    bigint NOT NULL,
    cpu_sum         numeric NOT NULL,
    cpu_count       bigint NOT NULL,
    cpu_max         double precision,
    gpu_sum         numeric NOT NULL,
    gpu_count       bigint NOT NULL,
    gpu_max         double precision,
    memory_sum      numeric NOT NULL,
    memory_count    bigint NOT NULL,
    memory_max      double precision,
    earliest        timestamptz NOT NULL,
    latest          timestamptz NOT NULL,
    PRIMARY KEY (hardware_id, hour)
);

CREATE INDEX hardware_monitoring_hourly_hour ON hardware_monitoring_hourly (hour);

CREATE SEQUENCE vm_metrics_id_seq INCREMENT BY 1000;

CREATE TABLE vm_metrics (
    id                    bigint NOT NULL,
    vm_name               text NOT NULL,
    cpu_usage             double precision NOT NULL,   -- percent
    average_memory_usage  double precision NOT NULL,   -- megabytes, as the agent reports it
    timestamp             timestamptz NOT NULL,
    PRIMARY KEY (timestamp, id)
) PARTITION BY RANGE (timestamp);

CREATE INDEX vm_metrics_vm_time ON vm_metrics (vm_name, timestamp, id);

CREATE TABLE vm_metrics_hourly (
    vm_name       text NOT NULL,
    hour          timestamptz NOT NULL,
    sample_count  bigint NOT NULL,
    cpu_sum       numeric NOT NULL,
    memory_sum    numeric NOT NULL,
    PRIMARY KEY (vm_name, hour)
);

CREATE INDEX vm_metrics_hourly_hour ON vm_metrics_hourly (hour);

CREATE SEQUENCE host_process_metrics_id_seq INCREMENT BY 1000;

CREATE TABLE host_process_metrics (
    id                       bigint NOT NULL,
    process_name             text NOT NULL,
    process_id               bigint NOT NULL,
    username                 text,
    status                   text,
    cpu_usage_percent        double precision,
    memory_usage_mb          double precision,
    gpu_memory_usage_mb      double precision,
    gpu_utilization_percent  double precision,
    timestamp                timestamptz NOT NULL,
    PRIMARY KEY (timestamp, id)
) PARTITION BY RANGE (timestamp);

CREATE INDEX host_process_metrics_name_time
    ON host_process_metrics (process_name, timestamp, id);
CREATE INDEX host_process_metrics_pid_time ON host_process_metrics (process_id, timestamp, id);
CREATE INDEX host_process_metrics_user_time ON host_process_metrics (username, timestamp, id);

-- Keyed by process name and user, not process id: ids are many and short-lived, and the summary
-- filters by name and user only. A null username is a key of its own (NULLS NOT DISTINCT needs
-- PostgreSQL 15 or newer).
CREATE TABLE host_process_metrics_hourly (
    process_name             text NOT NULL,
    username                 text,
    hour                     timestamptz NOT NULL,
    sample_count             bigint NOT NULL,
    cpu_sum                  numeric NOT NULL,
    cpu_count                bigint NOT NULL,
    memory_sum               numeric NOT NULL,
    memory_count             bigint NOT NULL,
    gpu_memory_sum           numeric NOT NULL,
    gpu_memory_count         bigint NOT NULL,
    gpu_utilization_sum      numeric NOT NULL,
    gpu_utilization_count    bigint NOT NULL,
    CONSTRAINT host_process_metrics_hourly_key
        UNIQUE NULLS NOT DISTINCT (process_name, username, hour)
);

CREATE INDEX host_process_metrics_hourly_hour ON host_process_metrics_hourly (hour);
