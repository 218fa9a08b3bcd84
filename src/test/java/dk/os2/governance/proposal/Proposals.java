package dk.os2.governance.proposal;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.Criterion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Valid proposal form values for tests: every criterion up to the level answered "Ja". */
public final class Proposals {

  private Proposals() {}

  public static Map<String, Object> valid(Catalogue catalogue, String name, String level) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("productName", name);
    values.put("purpose", "Sagsbehandling af byggesager");
    values.put("need", "Kommunerne mangler et fælles værktøj");
    values.put("municipality", "Aarhus Kommune");
    values.put("contactName", "Karen Kommune");
    values.put("contactEmail", "karen@aarhus.dk");
    values.put("participatingMunicipalities", "Aarhus\nOdense");
    values.put("suppliers", "Magenta");
    values.put("licence", "MPL-2.0");
    values.put("repositoryUrl", "https://github.com/OS2/eksempel");
    values.put("requestedLevel", level);
    for (Criterion c : catalogue.criteriaUpTo(level)) {
      values.put(c.answerVariable(), "Ja");
      values.put(c.documentationVariable(), "Se dokumentationen i repository");
    }
    return values;
  }

  public static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
