-- The on-chip cache the whole device shares, in MB: L2 on NVIDIA GPUs, the Infinity Cache on
-- AMD CDNA 3. The performance model counts a working set that fits in it as served from the
-- cache instead of DRAM. Null where unknown (and for CPU-only servers, where it is not used).
ALTER TABLE hardware ADD COLUMN last_level_cache_mb double precision
    CHECK (last_level_cache_mb > 0);
