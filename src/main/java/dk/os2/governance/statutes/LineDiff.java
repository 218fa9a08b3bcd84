package dk.os2.governance.statutes;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/** A line diff of two versions of a document (java-diff-utils' Myers diff), line by line for a page. */
record LineDiff(List<Line> lines, int added, int removed) {

  enum Kind { SAME, ADDED, REMOVED }

  /** One line: kept, added or removed, with its number in the old and the new text. */
  record Line(Kind kind, Integer oldNo, Integer newNo, String text) {}

  static LineDiff of(String oldText, String newText) {
    List<String> before = split(oldText);
    List<String> after = split(newText);
    List<Line> lines = new ArrayList<>();
    int added = 0;
    int removed = 0;
    int i = 0;
    int j = 0;
    for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
      while (i < delta.getSource().getPosition()) {
        lines.add(new Line(Kind.SAME, i + 1, j + 1, before.get(i)));
        i++;
        j++;
      }
      for (String line : delta.getSource().getLines()) {
        lines.add(new Line(Kind.REMOVED, ++i, null, line));
        removed++;
      }
      for (String line : delta.getTarget().getLines()) {
        lines.add(new Line(Kind.ADDED, null, ++j, line));
        added++;
      }
    }
    while (i < before.size()) {
      lines.add(new Line(Kind.SAME, i + 1, j + 1, before.get(i)));
      i++;
      j++;
    }
    return new LineDiff(List.copyOf(lines), added, removed);
  }

  /** "3 linjer tilføjet, 1 linje fjernet". */
  public String summary() {
    return added + (added == 1 ? " linje" : " linjer") + " tilføjet, " + removed
        + (removed == 1 ? " linje" : " linjer") + " fjernet";
  }

  private static List<String> split(String text) {
    return text == null || text.isEmpty() ? List.of() : List.of(text.replace("\r\n", "\n").split("\n", -1));
  }
}
