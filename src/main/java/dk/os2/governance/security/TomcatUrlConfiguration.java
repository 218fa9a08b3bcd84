package dk.os2.governance.security;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat answers an encoded slash or backslash in a URL with its own English error page before
 * the application sees the request. Passed through unchanged instead, such a URL reaches
 * {@link CanonicalUrlFilter}, which refuses it with 400 and a Danish reason: one place decides.
 */
@Configuration
class TomcatUrlConfiguration {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSeparatorsReachTheFirewall() {
    return factory -> factory.addConnectorCustomizers(connector -> {
      connector.setEncodedSolidusHandling("passthrough");
      connector.setEncodedReverseSolidusHandling("passthrough");
    });
  }
}
