package dk.os2.governance.reporting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Whether the public portfolio ({@code /offentlig}) and the level badges ({@code /badge/…svg}) are
 * shown without login: {@code os2.public.enabled}, off by default. Read on every request, so the
 * switch is the bean's current value (tests flip it in the shared context and restore it).
 */
@Component
@ConfigurationProperties("os2.public")
public class PublicPortfolioSettings {

  private boolean enabled;

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }
}
