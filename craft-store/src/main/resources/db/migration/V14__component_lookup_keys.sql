-- Distro purls (deb, rpm, apk) are keyed without their vendor namespace, which the matcher compares as the
-- distribution instead ('deb/debian/openssl' becomes 'deb/openssl', as OSV's 'Debian:12' records are keyed);
-- a component is also looked up under other keys: a distro binary package under its source package (the
-- purl's 'upstream' qualifier) and a Go package path under its enclosing paths (OSV names Go modules).
-- Those extra keys are kept here so that a new advisory finds such components in the same indexed step.
-- The CPE names of a component are kept too, and its CPE look-up keys ('cpe/vendor:product') are among its
-- lookup keys: a component that its purl does not find is matched against NVD's CPE criteria.
ALTER TABLE sbom_component ADD COLUMN lookup_keys TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE sbom_component ADD COLUMN cpes TEXT[] NOT NULL DEFAULT '{}';
CREATE INDEX sbom_component_lookup_keys ON sbom_component USING GIN (lookup_keys);

-- Recomputed by the server at start (AdvisoryStore.backfillPackageKeys), which needs the engine's rules.
UPDATE sbom_component SET package_key = NULL
WHERE purl LIKE 'pkg:deb/%' OR purl LIKE 'pkg:rpm/%' OR purl LIKE 'pkg:apk/%' OR purl LIKE 'pkg:golang/%';

UPDATE triage_decision SET package_key = regexp_replace(package_key, '^(deb|rpm|apk)/[^/]+/', '\1/')
WHERE package_key ~ '^(deb|rpm|apk)/[^/]+/';

-- The vendor:product of each vulnerable CPE criterion of a stored NVD CVE, so that the CVEs of a component's
-- CPE names are found in one indexed step (filled on NVD import).
CREATE TABLE nvd_cpe_key (
    cve_id  TEXT NOT NULL REFERENCES nvd_cve (cve_id) ON DELETE CASCADE,
    cpe_key TEXT NOT NULL,
    PRIMARY KEY (cve_id, cpe_key)
);
CREATE INDEX nvd_cpe_key_key ON nvd_cpe_key (cpe_key);
