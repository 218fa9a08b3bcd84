package dk.os2.governance.security;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The servlet filters in front of everything, in order: one canonical URL or 400, then login
 * (HTTP Basic on /engine-rest; the webapps' session, or Basic, on /app and /api). The webapps'
 * own login guards /camunda. What a logged-in user may do with the engine is decided per REST
 * operation by {@link EngineOperationGuard}, inside both JAX-RS applications, not here.
 *
 * <p>Public without login, besides login, assets and health: only {@code GET /offentlig} and
 * {@code GET /badge/<product>.svg} (module {@code reporting}), read-only, and only when
 * {@code os2.public.enabled} is on; off, their controller answers 404 like any unknown address.
 * That is why the login filter below names {@code /app/*} and {@code /api/*} and nothing wider: a
 * new page belongs under {@code /app}, never beside the public paths.
 */
@Configuration
class WebSecurityConfiguration {

  static final int AUTHENTICATION = 10;

  @Bean
  FilterRegistrationBean<CanonicalUrlFilter> canonicalUrl(Refusals refusals) {
    FilterRegistrationBean<CanonicalUrlFilter> registration =
        new FilterRegistrationBean<>(new CanonicalUrlFilter(refusals));
    registration.setName("canonical-url");
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(
      PlatformTransactionManager transactions) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new EngineRestAuthenticationFilter(transactions));
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(AUTHENTICATION);
    return registration;
  }

  @Bean
  FilterRegistrationBean<AppAuthenticationFilter> appAuthentication(ProcessEngine engine, Refusals refusals,
      PlatformTransactionManager transactions) {
    FilterRegistrationBean<AppAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new AppAuthenticationFilter(engine.getIdentityService(), refusals, transactions));
    registration.setName("app-authentication");
    registration.addUrlPatterns("/api/*", "/app/*");
    registration.setOrder(AUTHENTICATION);
    return registration;
  }
}
