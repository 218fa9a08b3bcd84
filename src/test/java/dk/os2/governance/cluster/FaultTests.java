package dk.os2.governance.cluster;

import static dk.os2.governance.cluster.Governance.START;
import static dk.os2.governance.cluster.Governance.awaitEveryMailOnce;
import static dk.os2.governance.cluster.Governance.propose;
import static dk.os2.governance.cluster.Governance.receivedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.os2.governance.RestClient;
import dk.os2.governance.TestMail;
import dk.os2.governance.proposal.Proposals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults an operator meets: the application killed while a mail is on its way, and the database
 * restarted under load. Nothing is lost and nothing is sent twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultTests {

  static Node node;

  @BeforeAll
  static void database() {
    node = Node.demo("faults", ClusterDatabase.create("faults"))
        // A job whose node died is taken up again after a minute (Camunda's default: five minutes);
        // longer than any send may take, or a slow send is taken up a second time while it runs.
        .with("camunda.bpm.job-execution.lock-time-in-millis=60000");
  }

  @AfterAll
  static void stopNode() {
    node.close();
  }

  @Test
  @Order(1)
  void killedWhileAMailIsOnItsWayTheMailGoesOnceAfterTheRestart() throws Exception {
    String name = Proposals.uniqueName("Afbrudt");
    try (BlackHole smtp = new BlackHole()) {
      // An SMTP server that accepts the connection and never answers: the mail job hangs mid-send.
      node.smtp(smtp.port()).with("spring.mail.properties.mail.smtp.timeout=600000").start();
      propose(node, name, "N1");
      await("the screening's mail is being sent").atMost(Duration.ofMinutes(1)).until(() -> smtp.connections() > 0);

      node.kill();
    }
    assertThat(receivedWith(name)).as("nothing reached a real SMTP server yet").isZero();

    // Restarted (the SMTP server is back): the job the dead node held is taken up once its lock ends.
    node.smtp(TestMail.port()).with("spring.mail.properties.mail.smtp.timeout=3000").start();
    awaitEveryMailOnce(node, name);
    assertThat(receivedWith("Ny opgave: Screen forslaget – " + name)).isEqualTo(1);
  }

  @Test
  @Order(2)
  void theDatabaseRestartsUnderLoadAndTheApplicationRecovers() throws Exception {
    if (node.health() != 200) {
      node.start();
    }
    List<Attempt> attempts = new CopyOnWriteArrayList<>();
    AtomicBoolean running = new AtomicBoolean(true);
    ExecutorService clients = Executors.newFixedThreadPool(3);
    for (int i = 0; i < 3; i++) {
      clients.submit(() -> {
        while (running.get()) {
          attempts.add(Attempt.propose(node));
        }
        return null;
      });
    }
    await("proposals go through").atMost(Duration.ofMinutes(2)).until(() -> succeeded(attempts) >= 3);

    ClusterDatabase.stop();
    await("a request fails while the database is down").atMost(Duration.ofMinutes(2))
        .until(() -> attempts.stream().anyMatch(a -> a.status() != 200));
    ClusterDatabase.start();

    int before = succeeded(attempts);
    await("proposals go through again after the restart").atMost(Duration.ofMinutes(3))
        .until(() -> succeeded(attempts) >= before + 3);
    running.set(false);
    clients.shutdown();
    assertThat(clients.awaitTermination(3, TimeUnit.MINUTES)).as("every client got its answer").isTrue();

    // For the reader of the test report: what the clients met while the database was away.
    attempts.stream().filter(a -> a.status() != 200).forEach(a -> System.out.println("failed request: " + a));
    System.out.println(succeeded(attempts) + " of " + attempts.size() + " proposals went through");
    assertThat(attempts).as("every request was answered, none hung past the client's timeout")
        .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isPositive());
    assertThat(attempts).filteredOn(a -> a.status() != 200).as("what a failed request answered")
        .isNotEmpty()
        .allSatisfy(a -> {
          assertThat(a.status()).as(a.toString()).isBetween(500, 503);
          assertThat(a.body()).as(a.toString()).contains("\"message\"").contains("Intet er ændret");
        });
    assertThat(node.health()).as("health after the restart").isEqualTo(200);

    // No job lost: each proposal that exists mailed the secretariat once, those that failed did
    // not exist and mailed nobody.
    await("every screening mail, once").atMost(Duration.ofMinutes(3)).during(Duration.ofSeconds(3))
        .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
          for (Attempt attempt : attempts) {
            long exists = node.as("sekretariat").get("/api/products?q="
                + URLEncoder.encode(attempt.name(), StandardCharsets.UTF_8)).json().path("total").asLong();
            if (attempt.status() == 200) {
              assertThat(exists).as(attempt + " is in the portfolio").isEqualTo(1);
            }
            assertThat(receivedWith("Ny opgave: Screen forslaget – " + attempt.name()))
                .as(attempt + ": screening mails").isEqualTo(exists);
          }
        });
  }

  static int succeeded(List<Attempt> attempts) {
    return (int) attempts.stream().filter(a -> a.status() == 200).count();
  }

  /** One proposal sent by a client that waits two minutes at most: its answer, or 0 for none. */
  record Attempt(String name, int status, String body) {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    static Attempt propose(Node node) {
      String name = Proposals.uniqueName("Last");
      try {
        String body = JSON.writeValueAsString(RestClient.variables(Proposals.valid(Governance.CATALOGUE, name, "N1")));
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUrl() + START)).timeout(Duration.ofMinutes(2))
            .header("Content-Type", "application/json").header("Accept", "application/json")
            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("kommune:demo".getBytes(StandardCharsets.UTF_8)))
            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Attempt(name, response.statusCode(), response.body());
      } catch (IOException noAnswer) {
        return new Attempt(name, 0, String.valueOf(noAnswer));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Attempt(name, 0, String.valueOf(e));
      }
    }

    @Override
    public String toString() {
      return name + " → " + status + " " + (body.length() > 300 ? body.substring(0, 300) : body);
    }
  }

  /** A server that accepts connections and never says a word. */
  static final class BlackHole implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    BlackHole() throws IOException {
      server = new ServerSocket(0);
      Thread acceptor = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            accepted.add(server.accept());
          } catch (IOException closed) {
            return;
          }
        }
      }, "black-hole-smtp");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return server.getLocalPort();
    }

    int connections() {
      return accepted.size();
    }

    @Override
    public void close() {
      try {
        server.close();
        for (Socket socket : accepted) {
          socket.close();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
