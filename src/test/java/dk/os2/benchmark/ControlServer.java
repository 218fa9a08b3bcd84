package dk.os2.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A side's own line to the benchmark, outside Spring and its security: the SQL counters
 * ({@code GET /counts}) and seeding the open tasks through the engine's Java API
 * ({@code POST /seed?perBody=N}). Listens on the loopback only.
 */
final class ControlServer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ControlServer() {}

  static void start(int port, Function<Integer, Map<String, Object>> seeder) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/counts", exchange -> answer(exchange, 200, SqlCounting.snapshot()));
    server.createContext("/seed", exchange -> {
      try {
        String query = exchange.getRequestURI().getQuery();
        int perBody = Integer.parseInt(query.replaceAll(".*perBody=(\\d+).*", "$1"));
        answer(exchange, 200, seeder.apply(perBody));
      } catch (RuntimeException e) {
        e.printStackTrace();
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error", String.valueOf(e));
        answer(exchange, 500, error);
      }
    });
    server.setExecutor(null);
    server.start();
  }

  private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
