package dk.os2.governance.evaluation;

import dk.os2.governance.criteria.CatalogueFormatException;
import dk.os2.governance.criteria.CatalogueStore;
import dk.os2.governance.portfolio.ProductNameTaken;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refused files and inputs on the application's API: 400 or 409 with the Danish problems listed. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiErrorAdvice {

  @ExceptionHandler(ImportException.class)
  ResponseEntity<Map<String, Object>> refused(ImportException e) {
    return body(HttpStatus.BAD_REQUEST, e.getMessage(), e.problems());
  }

  @ExceptionHandler(CatalogueFormatException.class)
  ResponseEntity<Map<String, Object>> badCatalogue(CatalogueFormatException e) {
    return body(HttpStatus.BAD_REQUEST, e.getMessage(), e.problems());
  }

  @ExceptionHandler(CatalogueStore.VersionConflict.class)
  ResponseEntity<Map<String, Object>> conflict(CatalogueStore.VersionConflict e) {
    return body(HttpStatus.CONFLICT, e.getMessage(), List.of(e.getMessage()));
  }

  /** Two imports that create the same product at once: the database kept one, this one changed nothing. */
  @ExceptionHandler(ProductNameTaken.class)
  ResponseEntity<Map<String, Object>> nameTaken(ProductNameTaken e) {
    return body(HttpStatus.CONFLICT, e.getMessage(), List.of(e.getMessage()));
  }

  private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message, List<String> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", message);
    body.put("errors", errors);
    return ResponseEntity.status(status).body(body);
  }
}
