package dk.os2.governance;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One real SMTP server (GreenMail) in-process for the whole test run. */
public final class TestMail {

  private static GreenMail greenMail;

  private TestMail() {}

  public static synchronized GreenMail server() {
    if (greenMail == null) {
      greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      greenMail.start();
    }
    return greenMail;
  }

  public static int port() {
    return server().getSmtp().getPort();
  }

  /**
   * Messages received so far whose subject contains the text, one per sent message (GreenMail
   * keeps a copy per recipient).
   */
  public static List<MimeMessage> withSubject(String text) {
    Map<String, MimeMessage> byId = new LinkedHashMap<>();
    for (MimeMessage m : server().getReceivedMessages()) {
      try {
        if (m.getSubject() != null && m.getSubject().contains(text)) {
          byId.putIfAbsent(m.getMessageID(), m);
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return List.copyOf(byId.values());
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
