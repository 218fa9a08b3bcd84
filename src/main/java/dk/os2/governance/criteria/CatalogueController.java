package dk.os2.governance.criteria;

import dk.os2.governance.identity.Access;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Reading criteria catalogues, and an administrator's first import of one (YAML or JSON, the format of {@link CatalogueReader}). */
@RestController
class CatalogueController {

  private final CatalogueStore store;
  private final IdentityService identity;

  CatalogueController(CatalogueStore store, IdentityService identity) {
    this.store = store;
    this.identity = identity;
  }

  @GetMapping("/api/catalogues")
  List<CatalogueStore.Published> catalogues() {
    return store.list();
  }

  @GetMapping("/api/catalogues/{id}/{version}")
  Catalogue catalogue(@PathVariable String id, @PathVariable String version) {
    return store.find(id, version)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Kataloget findes ikke."));
  }

  @PostMapping(value = "/api/catalogues", consumes = MediaType.ALL_VALUE)
  ResponseEntity<Map<String, Object>> publish(@RequestBody String file) {
    Access.requireSecretariat(identity, "Kun sekretariatet kan udgive kriteriekataloger.");
    Catalogue catalogue = CatalogueReader.read(file);
    // Only an administrator's first import of a catalogue; a new version is a criteria change (the store refuses).
    boolean created = store.importFirst(catalogue);
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(Map.of(
        "id", catalogue.id(), "version", catalogue.version(), "criteria", catalogue.criteria().size()));
  }
}
