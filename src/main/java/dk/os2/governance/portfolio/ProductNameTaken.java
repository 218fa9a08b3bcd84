package dk.os2.governance.portfolio;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A proposed or active product already carries the name (ignoring case and whitespace), found by
 * the database's unique key when two proposals with the same name arrive at once. A form
 * validation failure to the engine: the start or completion that wrote the name is rolled back,
 * and the engine's REST API answers 400 with this Danish message rather than 500.
 */
public class ProductNameTaken extends FormFieldValidationException {

  public ProductNameTaken(String name) {
    super("productName", "Der findes allerede et produkt eller forslag med navnet '" + name + "'.");
  }
}
