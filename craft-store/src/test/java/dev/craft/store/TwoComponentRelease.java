package dev.craft.store;

import dev.craft.core.Actor;
import dev.craft.core.ProductDraft;
import dev.craft.core.ReleaseDraft;
import dev.craft.formats.ReadLimits;
import dev.craft.formats.SbomReader;
import dev.craft.store.FindingStore.Candidate;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** A new product with one release whose SBOM lists two npm components, a@1.0 and b@2.0. */
record TwoComponentRelease(
    long productId, long releaseId, long sbomId, List<Candidate> components) {
  static TwoComponentRelease create(Database db, String productName) {
    byte[] bytes =
        """
        {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[
         {"type":"library","bom-ref":"a","name":"a","version":"1.0","purl":"pkg:npm/a@1.0"},
         {"type":"library","bom-ref":"b","name":"b","version":"2.0","purl":"pkg:npm/b@2.0"}]}
        """
            .getBytes(StandardCharsets.UTF_8);
    var p =
        new ProductStore(db.jdbi())
            .create(
                Actor.SYSTEM,
                ProductDraft.of(productName + " " + System.nanoTime(), "", null, null, "", "", ""));
    var r =
        new ReleaseStore(db.jdbi())
            .create(Actor.SYSTEM, p.id(), ReleaseDraft.of("1", null, null, null));
    var sbom = SbomReader.read(bytes, ReadLimits.DEFAULT).sbom();
    var row =
        new SbomStore(db.jdbi())
            .save(Actor.SYSTEM, p.id(), r.id(), bytes, "sha", sbom, Set.of(), false);
    return new TwoComponentRelease(
        p.id(), r.id(), row.id(), new FindingStore(db.jdbi()).componentsOf(row.id()));
  }
}
