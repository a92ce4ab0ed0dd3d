package dev.craft.cli;

import dev.craft.engine.CpeIndex;
import dev.craft.engine.NvdCriteria;
import dev.craft.formats.AdvisoryLimits;
import dev.craft.formats.NvdCve;
import dev.craft.formats.NvdCvss;
import dev.craft.formats.NvdReader;
import dev.craft.formats.OsvSeverity;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * NVD CVE API 2.0 responses read for an offline scan: the CPE criteria of their CVEs and each CVE's
 * CVSS vector (for advisories that have none).
 */
record NvdData(CpeIndex cpes, Map<String, NvdCvss> cvssByCve) {
  /** Largest NVD or EUVD file read: 64 times the limit for one advisory record (512 MiB). */
  static final long MAX_BYTES = AdvisoryLimits.DEFAULT.maxRecordBytes() * 64;

  static NvdData read(List<Path> files) {
    if (files.isEmpty()) {
      return new NvdData(CpeIndex.EMPTY, Map.of());
    }
    var reader = new NvdReader(AdvisoryLimits.DEFAULT);
    var index = CpeIndex.builder();
    Map<String, NvdCvss> cvss = new HashMap<>();
    for (Path file : files) {
      byte[] body = InputFiles.read(file, MAX_BYTES);
      for (NvdCve cve : reader.read(body, file.toString()).cves()) {
        NvdCriteria.of(cve, file.toString()).forEach(index::add);
        cve.preferredCvss().ifPresent(c -> cvss.put(cve.id(), c));
      }
    }
    return new NvdData(index.build(), Map.copyOf(cvss));
  }

  Optional<OsvSeverity> cvss(String cve) {
    return Optional.ofNullable(cvssByCve.get(cve)).map(NvdCvss::toOsv);
  }
}
