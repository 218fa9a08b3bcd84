package dk.os2.governance.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@link #LIMIT} bytes of body on /app and /api: a declared larger body is refused with
 * 413 before anything reads it; a body without declared length stops being readable past the limit
 * ({@link BodyTooLargeException}, which the error handling turns into 413). Form posts and uploads
 * have the same limit in application.yml (Tomcat's form post size, Spring's multipart sizes).
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

  public static final long LIMIT = 1024 * 1024;

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
    if (request.getContentLengthLong() > LIMIT) {
      refusals.write(request, response, 413, refusals.text(Refusals.TOO_LARGE));
      return;
    }
    chain.doFilter(new Limited(request, refusals.text(Refusals.TOO_LARGE)), response);
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final String tooLarge;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, String tooLarge) {
      super(request);
      this.tooLarge = tooLarge;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedStream(super.getInputStream(), tooLarge);
      }
      return stream;
    }
  }

  private static final class LimitedStream extends ServletInputStream {
    private final ServletInputStream delegate;
    private final String tooLarge;
    private long read;

    LimitedStream(ServletInputStream delegate, String tooLarge) {
      this.delegate = delegate;
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
      if (read > LIMIT) {
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
