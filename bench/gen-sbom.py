#!/usr/bin/env python3
"""Writes a CycloneDX 1.6 JSON SBOM with N components (default 10,000) for the benchmarks; deterministic."""
import json, sys, hashlib

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
eco = [("maven", "org.example.g{0}/artifact-{1}"), ("npm", "pkg-{1}"), ("pypi", "py-pkg-{1}"),
       ("golang", "example.com/mod{0}/m{1}"), ("cargo", "crate-{1}")]
components, deps = [], []
for i in range(n):
    typ, pattern = eco[i % len(eco)]
    name = pattern.format(i % 97, i)
    version = f"{1 + i % 7}.{i % 13}.{i % 5}"
    purl = f"pkg:{typ}/{name}@{version}"
    components.append({
        "type": "library", "bom-ref": purl, "name": name.split("/")[-1], "version": version, "purl": purl,
        "supplier": {"name": f"Supplier {i % 50}"},
        "hashes": [{"alg": "SHA-512", "content": hashlib.sha512(purl.encode()).hexdigest()}],
        "licenses": [{"license": {"id": "Apache-2.0"}}],
    })
    deps.append({"ref": purl, "dependsOn": [components[i - 1]["bom-ref"]] if i % 10 else []})
top = [c["bom-ref"] for c in components[::10]]
doc = {
    "bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
    "serialNumber": "urn:uuid:00000000-0000-4000-8000-000000000001",
    "metadata": {"timestamp": "2026-11-29T00:00:00Z", "authors": [{"name": "bench"}],
                 "component": {"type": "application", "bom-ref": "product", "name": "bench-product", "version": "1.0.0"}},
    "components": components,
    "dependencies": [{"ref": "product", "dependsOn": top}] + deps,
}
json.dump(doc, sys.stdout)
