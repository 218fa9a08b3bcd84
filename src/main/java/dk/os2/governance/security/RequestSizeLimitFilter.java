package dk.os2.governance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.Collection;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@link #LIMIT} bytes of body on /app and /api (the secretariat's bulk import of evaluation
 * reports, {@link #BULK_IMPORT_PATH}, at most {@link #BULK_LIMIT}: a zip or a folder's worth of a
 * portfolio's reports): a declared larger body is refused with 413 before anything reads it; a body
 * without declared length stops being readable past the limit ({@link BodyTooLargeException}, which
 * the error handling turns into 413), and so do uploaded parts whose sizes add up past it. Spring's
 * multipart sizes in application.yml are the bulk limit, the largest any route allows; Tomcat's
 * form post size is the general limit.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

  public static final long LIMIT = 1024 * 1024;

  /** The one route with a higher limit, and its limit. */
  public static final String BULK_IMPORT_PATH = "/app/import/rapporter";
  public static final long BULK_LIMIT = 10 * 1024 * 1024;

  /** Thrown when a body goes past the limit; answered with {@link Refusals#TOO_LARGE}. */
  public static class BodyTooLargeException extends IOException {
    BodyTooLargeException(String message) {
      super(message);
    }
  }

  private final Refusals refusals;

  public RequestSizeLimitFilter(Refusals refusals) {
    this.refusals = refusals;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean bulk = "POST".equals(request.getMethod())
        && request.getRequestURI().equals(request.getContextPath() + BULK_IMPORT_PATH);
    long limit = bulk ? BULK_LIMIT : LIMIT;
    String tooLarge = refusals.text(bulk ? TOO_LARGE_BULK : Refusals.TOO_LARGE);
    if (request.getContentLengthLong() > limit) {
      refusals.write(request, response, 413, tooLarge);
      return;
    }
    chain.doFilter(new Limited(request, limit, tooLarge), response);
  }

  /** The Danish refusal of a bulk import past its limit. */
  static final String TOO_LARGE_BULK = "refusal.tooLargeBulk";

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private final String tooLarge;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit, String tooLarge) {
      super(request);
      this.limit = limit;
      this.tooLarge = tooLarge;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedStream(super.getInputStream(), limit, tooLarge);
      }
      return stream;
    }

    /** Tomcat parses parts itself, up to the multipart sizes (the bulk limit); this route's limit is checked here. */
    @Override
    public Collection<Part> getParts() throws IOException, ServletException {
      Collection<Part> parts = super.getParts();
      if (parts.stream().mapToLong(Part::getSize).sum() > limit) {
        throw new BodyTooLargeException(tooLarge);
      }
      return parts;
    }

    @Override
    public Part getPart(String name) throws IOException, ServletException {
      getParts();
      return super.getPart(name);
    }
  }

  private static final class LimitedStream extends ServletInputStream {
    private final ServletInputStream delegate;
    private final long limit;
    private final String tooLarge;
    private long read;

    LimitedStream(ServletInputStream delegate, long limit, String tooLarge) {
      this.delegate = delegate;
      this.limit = limit;
      this.tooLarge = tooLarge;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = delegate.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws BodyTooLargeException {
      read += n;
      if (read > limit) {
        throw new BodyTooLargeException(tooLarge);
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
