-- Most components have no extra look-up keys (only distro packages, Go package paths and components with CPE names
-- do), yet every row had an entry in the GIN index of lookup_keys. After bulk SBOM uploads its pending list held
-- ~130,000 of those entries, which every portfolio look-up scanned (5 ms), and its row estimate (50,000) made the
-- planner JIT-compile the look-up (8 ms): 41-49 ms for a look-up that takes 10 ms without them (ADR 097,
-- docs/benchmarks.md). Rows without extra keys are left out; the look-up says `lookup_keys <> '{}'` to use it.
DROP INDEX sbom_component_lookup_keys;
CREATE INDEX sbom_component_lookup_keys ON sbom_component USING GIN (lookup_keys) WHERE lookup_keys <> '{}';
