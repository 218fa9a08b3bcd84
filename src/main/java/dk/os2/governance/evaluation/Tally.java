package dk.os2.governance.evaluation;

/** How many criteria got each light. */
public record Tally(int green, int yellow, int red, int grey) {

  public static final Tally ZERO = new Tally(0, 0, 0, 0);

  public Tally plus(Light light) {
    return switch (light) {
      case GREEN -> new Tally(green + 1, yellow, red, grey);
      case YELLOW -> new Tally(green, yellow + 1, red, grey);
      case RED -> new Tally(green, yellow, red + 1, grey);
      case GREY -> new Tally(green, yellow, red, grey + 1);
    };
  }

  public Tally plus(Tally other) {
    return new Tally(green + other.green, yellow + other.yellow, red + other.red, grey + other.grey);
  }

  public int of(Light light) {
    return switch (light) {
      case GREEN -> green;
      case YELLOW -> yellow;
      case RED -> red;
      case GREY -> grey;
    };
  }

  public int total() {
    return green + yellow + red + grey;
  }
}
