package dk.os2.governance.overview;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dk.os2.governance.portfolio.PortfolioList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Exactly the products the portfolio page's filters show, all pages, in its order, as a download:
 * CSV for Danish Excel (semicolons, UTF-8 with a byte order mark, Danish headers and labels, dates
 * as dd-mm-åååå) and JSON (the API's items). Page and size are ignored.
 */
@Controller
class PortfolioExport {

  static final String CSV = "/app/produkter/eksport/csv";
  static final String JSON = "/app/produkter/eksport/json";

  private static final Locale DANISH = Locale.forLanguageTag("da");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final List<String> HEADERS = List.of("name", "level", "status", "levelSince", "lastEvaluation",
      "nextEvaluation", "overdue", "openGaps", "proposingMunicipality");

  private final ProductSearch search;
  private final PortfolioList list;
  private final MessageSource messages;
  private final ObjectMapper json;
  // Quotes only what needs it (a separator, a quote, a line break), as Excel writes CSV itself.
  private final CsvMapper csv = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  PortfolioExport(ProductSearch search, PortfolioList list, MessageSource messages, ObjectMapper json) {
    this.search = search;
    this.list = list;
    this.messages = messages;
    this.json = json;
  }

  @GetMapping(CSV)
  ResponseEntity<byte[]> csv(@RequestParam Map<String, String> parameters) throws IOException {
    List<PortfolioList.Listed> products = list.all(search.read(parameters).query());
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setColumnSeparator(';').setLineSeparator("\r\n");
    HEADERS.forEach(h -> schema.addColumn(text("portfolio.csv." + h)));
    List<Map<String, String>> rows = products.stream().map(this::row).toList();
    byte[] body = csv.writer(schema.build()).writeValueAsBytes(rows);
    byte[] withBom = new byte[BOM.length + body.length];
    System.arraycopy(BOM, 0, withBom, 0, BOM.length);
    System.arraycopy(body, 0, withBom, BOM.length, body.length);
    return download(withBom, new MediaType("text", "csv", StandardCharsets.UTF_8), "portefølje.csv");
  }

  @GetMapping(JSON)
  ResponseEntity<byte[]> json(@RequestParam Map<String, String> parameters) throws IOException {
    List<PortfolioList.Listed> products = list.all(search.read(parameters).query());
    return download(json.writeValueAsBytes(products), MediaType.APPLICATION_JSON, "portefølje.json");
  }

  private Map<String, String> row(PortfolioList.Listed p) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put(text("portfolio.csv.name"), p.name());
    row.put(text("portfolio.csv.level"), p.level() == null ? "" : p.level());
    row.put(text("portfolio.csv.status"), text("status." + p.status().name()));
    row.put(text("portfolio.csv.levelSince"), date(p.levelSince()));
    row.put(text("portfolio.csv.lastEvaluation"), date(p.lastEvaluation()));
    row.put(text("portfolio.csv.nextEvaluation"), date(p.nextEvaluation()));
    row.put(text("portfolio.csv.overdue"), p.overdue() ? "Ja" : "Nej");
    row.put(text("portfolio.csv.openGaps"), p.openGaps() == null ? "" : String.valueOf(p.openGaps()));
    row.put(text("portfolio.csv.proposingMunicipality"),
        p.proposingMunicipality() == null ? "" : p.proposingMunicipality());
    return row;
  }

  private static String date(LocalDate date) {
    return date == null ? "" : date.format(DATE);
  }

  private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .body(body);
  }

  private String text(String key) {
    return messages.getMessage(key, null, DANISH);
  }
}
