package dev.craft.formats;

import java.util.List;

/**
 * One response of the NVD CVE API 2.0: its paging fields and CVEs.
 *
 * @param totalResults CVEs matching the query over all pages
 */
public record NvdPage(int startIndex, int resultsPerPage, int totalResults, List<NvdCve> cves) {
  public NvdPage {
    cves = List.copyOf(cves);
  }
}
