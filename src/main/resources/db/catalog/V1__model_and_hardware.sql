-- Catalog database (originally Model_Recommendation_DB).
-- model    <- Model_table
-- hardware <- Hardware_table

CREATE TABLE hardware (
    id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                      text NOT NULL UNIQUE,
    vendor                    text NOT NULL,
    full_name                 text NOT NULL,
    gpu                       text,
    num_gpu                   integer NOT NULL CHECK (num_gpu >= 0),
    cpu                       text,
    architecture              text,
    -- Dense peak throughput of one device (one GPU; for a CPU-only server, the whole server).
    peak_fp32_tflops          double precision,
    peak_tf32_tflops          double precision,
    peak_fp16_tflops          double precision,
    peak_bf16_tflops          double precision,
    peak_fp8_tflops           double precision,
    peak_int8_tops            double precision,
    memory_gb                 double precision NOT NULL CHECK (memory_gb > 0),
    memory_bandwidth_gbps     double precision NOT NULL CHECK (memory_bandwidth_gbps > 0),
    interconnect_gbps         double precision,
    tdp_watts                 double precision,
    -- On-demand price of the whole configuration; null where no public price is known.
    price_usd_per_hour        double precision CHECK (price_usd_per_hour >= 0),
    gpu_memory_total_vram_mb  double precision,
    gpu_graphics_clock        double precision,
    gpu_memory_clock          double precision,
    gpu_sm_cores              integer,
    gpu_cuda_cores            integer,
    cpu_total_cores           integer,
    cpu_threads_per_core      integer,
    cpu_base_clock_ghz        double precision,
    cpu_max_frequency_ghz     double precision,
    cpu_flops_per_cycle       integer,
    l1_cache                  text,
    cpu_power_consumption     double precision,
    gpu_power_consumption     double precision,
    created_at                timestamptz NOT NULL DEFAULT now(),
    updated_at                timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE model (
    id                          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model_name                  text NOT NULL,
    task_type                   text NOT NULL CHECK (task_type IN ('inference', 'training')),
    framework                   text,
    model_type                  text NOT NULL,
    family                      text NOT NULL,
    architecture_type           text,
    total_parameters_millions   double precision NOT NULL CHECK (total_parameters_millions > 0),
    model_size_mb               double precision,
    number_of_hidden_layers     integer,
    embedding_vector_dimension  integer,
    number_of_attention_layers  integer,
    attention_heads             integer,
    kv_heads                    integer,
    ffn_dimension               integer,
    vocabulary_size             integer,
    experts_total               integer,
    experts_active              integer,
    default_sequence_length     integer,
    gflops_per_sample           double precision,
    precision                   text,
    activation_function         text,
    -- A stored model artifact (the original's pickle); model_pickle in the API says whether set.
    model_artifact              bytea,
    created_at                  timestamptz NOT NULL DEFAULT now(),
    updated_at                  timestamptz NOT NULL DEFAULT now(),
    -- One model is described once per task type: training needs other defaults than inference.
    UNIQUE (model_name, task_type)
);

CREATE INDEX model_type_task_idx ON model (lower(model_type), task_type);
