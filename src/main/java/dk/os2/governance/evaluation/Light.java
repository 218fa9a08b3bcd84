package dk.os2.governance.evaluation;

import java.util.Arrays;
import java.util.Optional;

/** A reviewer's traffic light for one criterion. */
enum Light {
  /** Met. */
  GREEN("🟢", "Grøn", "opfyldt"),
  /** Partly met, or a documented deviation stands in. */
  YELLOW("🟡", "Gul", "delvist opfyldt"),
  /** Not met. */
  RED("🔴", "Rød", "ikke opfyldt"),
  /** Not assessed, or not relevant. */
  GREY("⚪", "Grå", "ikke vurderet");

  private final String symbol;
  private final String danishName;
  private final String meaning;

  Light(String symbol, String danishName, String meaning) {
    this.symbol = symbol;
    this.danishName = danishName;
    this.meaning = meaning;
  }

  public String symbol() {
    return symbol;
  }

  public String danishName() {
    return danishName;
  }

  public String meaning() {
    return meaning;
  }

  /** From a report's symbol or a name or both (GREEN, grøn, 🟢, "🟢 Grøn"; ⚫, ⬜ and "Ikke relevant" read as grey). */
  public static Optional<Light> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.replace("**", "").replace("\uFE0F", "").strip();
    Optional<Light> whole = one(t);
    if (whole.isPresent() || t.isEmpty()) {
      return whole;
    }
    // "🟢 Grøn", "Grøn 🟢": a symbol and its name together.
    Optional<Light> first = Optional.empty();
    for (String token : t.split("\\s+")) {
      Optional<Light> light = one(token);
      if (light.isEmpty() || first.isPresent() && first.get() != light.get()) {
        return Optional.empty();
      }
      first = light;
    }
    return first;
  }

  private static Optional<Light> one(String t) {
    if (t.equals("⚫") || t.equals("⬜") || t.equals("◯") || t.equalsIgnoreCase("ikke vurderet")
        || t.equalsIgnoreCase("ikke relevant")) {
      return Optional.of(GREY);
    }
    return Arrays.stream(values()).filter(l -> l.symbol.equals(t) || l.name().equalsIgnoreCase(t)
        || l.danishName.equalsIgnoreCase(t)).findFirst();
  }
}
