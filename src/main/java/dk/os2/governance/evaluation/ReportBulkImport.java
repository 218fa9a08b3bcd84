package dk.os2.governance.evaluation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponse;

/**
 * The secretariat's bootstrap of a portfolio: several report files, or one zip of them, imported
 * one by one, each on its own (a refused file changes nothing and stops no other), with one line
 * per file saying what became of it.
 */
@Service
class ReportBulkImport {

  private static final Logger log = LoggerFactory.getLogger(ReportBulkImport.class);

  /** At most this much text per report, and this many files in a zip. */
  static final int MAX_REPORT_BYTES = 1024 * 1024;
  static final int MAX_FILES = 500;

  enum Outcome { IMPORTED, IMPORTED_WITH_WARNINGS, ALREADY_IMPORTED, REFUSED }

  /** One uploaded file (a report or a zip of reports). */
  record Upload(String name, byte[] content) {}

  /** What became of one file: its outcome, the product, the evaluation, and the warnings or the reasons. */
  record Line(String file, Outcome outcome, String productId, String evaluationId, List<String> details) {}

  private final ReportImport reports;

  ReportBulkImport(ReportImport reports) {
    this.reports = reports;
  }

  List<Line> importAll(List<Upload> uploads, String userId) {
    List<Line> lines = new ArrayList<>();
    for (Upload upload : uploads) {
      if (upload.name() == null || upload.name().isBlank() && upload.content().length == 0) {
        continue; // the empty part a browser sends when no file was chosen
      }
      if (lower(upload.name()).endsWith(".zip")) {
        unzip(upload, userId, lines);
      } else {
        lines.add(one(upload.name(), upload.content(), userId));
      }
    }
    return lines;
  }

  private void unzip(Upload zip, String userId, List<Line> lines) {
    int before = lines.size();
    int files = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.content()), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        String name = entry.getName();
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (entry.isDirectory() || name.startsWith("__MACOSX/") || base.startsWith(".")) {
          continue;
        }
        String shown = zip.name() + "/" + name;
        if (++files > MAX_FILES) {
          lines.add(refused(shown, "Zip-filen har mere end " + MAX_FILES + " filer; resten er ikke læst."));
          break;
        }
        byte[] content = read(in);
        lines.add(content == null
            ? refused(shown, "Filen er større end 1 MB og er ikke læst.")
            : one(shown, content, userId));
      }
    } catch (ZipException e) {
      lines.add(refused(zip.name(), "Filen kan ikke læses som zip-fil."));
    } catch (IOException e) {
      lines.add(refused(zip.name(), "Filen kan ikke læses som zip-fil."));
    }
    if (lines.size() == before) {
      lines.add(refused(zip.name(), "Zip-filen indeholder ingen filer."));
    }
  }

  /** The entry's bytes, or {@code null} when it is larger than a report may be. */
  private static byte[] read(ZipInputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      out.write(buffer, 0, n);
      if (out.size() > MAX_REPORT_BYTES) {
        return null;
      }
    }
    return out.toByteArray();
  }

  private Line one(String name, byte[] content, String userId) {
    String lower = lower(name);
    if (lower.endsWith(".zip")) {
      return refused(name, "En zip-fil i en zip-fil læses ikke; pak den ud først.");
    }
    if (!lower.endsWith(".md") && !lower.endsWith(".markdown") && !lower.endsWith(".txt")) {
      return refused(name, "Filen er ikke en Markdown-fil (.md) eller en zip-fil med sådanne.");
    }
    if (content.length > MAX_REPORT_BYTES) {
      return refused(name, "Filen er større end 1 MB.");
    }
    String markdown;
    try {
      markdown = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      return refused(name, "Filen er ikke tekst i UTF-8; gem den som UTF-8 og prøv igen.");
    }
    try {
      ReportImport.Result result = reports.importOnce(markdown, userId);
      Outcome outcome = result.duplicate() ? Outcome.ALREADY_IMPORTED
          : result.warnings().isEmpty() ? Outcome.IMPORTED : Outcome.IMPORTED_WITH_WARNINGS;
      return new Line(name, outcome, result.productId(), result.evaluationId(),
          outcome == Outcome.IMPORTED_WITH_WARNINGS ? result.warnings() : List.of());
    } catch (ImportException e) {
      return new Line(name, Outcome.REFUSED, null, null, e.problems());
    } catch (RuntimeException e) {
      if (e instanceof ErrorResponse r && !e.getClass().getName().startsWith("org.springframework.")) {
        // The modules' own refusals (a product name taken, a catalogue version in conflict) in Danish.
        ProblemDetail body = r.getBody();
        return refused(name, body.getDetail() == null ? e.getMessage() : body.getDetail());
      }
      log.error("Import of {} failed", name, e);
      return refused(name, "Filen kunne ikke importeres på grund af en uventet fejl; intet er ændret.");
    }
  }

  private static Line refused(String name, String reason) {
    return new Line(name, Outcome.REFUSED, null, null, List.of(reason));
  }

  private static String lower(String name) {
    return name == null ? "" : name.toLowerCase(Locale.ROOT);
  }
}
