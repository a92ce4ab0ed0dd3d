-- An SBOM upload reads the id and `modified` of every stored advisory of its packages, to know which of the compiled
-- records it keeps are current (ADR 097). For the benchmark's 9,300 package keys that is 71,700 of 200,000 advisories,
-- which PostgreSQL read from the table's heap (285 MB with the raw records): 270-300 ms. This index holds just those
-- two columns of the advisories that are matched, so that the look-up is an index-only scan merged with the package
-- keys' rows: 130-160 ms (ADR 100).
CREATE INDEX advisory_stamp ON advisory (id) INCLUDE (modified) WHERE withdrawn = '';
