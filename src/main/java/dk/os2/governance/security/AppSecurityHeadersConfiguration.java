package dk.os2.governance.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * Protection of the application's own pages (/app) and API (/api), after the login
 * ({@link WebSecurityConfiguration#AUTHENTICATION}): security headers, the body size limit and CSRF
 * with the webapps' token; and the Danish error page and error shape of every refusal.
 */
@Configuration
class AppSecurityHeadersConfiguration {

  /** Headers first, so that refusals carry them too. */
  static final int HEADERS = 5;
  static final int SIZE_LIMIT = 14;
  static final int CSRF = 15;

  @Bean
  FilterRegistrationBean<AppSecurityHeadersFilter> appSecurityHeaders() {
    FilterRegistrationBean<AppSecurityHeadersFilter> registration =
        new FilterRegistrationBean<>(new AppSecurityHeadersFilter());
    registration.setName("app-security-headers");
    registration.addUrlPatterns("/app/*", "/api/*");
    registration.setOrder(HEADERS);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestSizeLimitFilter> appRequestSizeLimit(Refusals refusals) {
    FilterRegistrationBean<RequestSizeLimitFilter> registration =
        new FilterRegistrationBean<>(new RequestSizeLimitFilter(refusals));
    registration.setName("app-request-size-limit");
    registration.addUrlPatterns("/app/*", "/api/*");
    registration.setOrder(SIZE_LIMIT);
    return registration;
  }

  @Bean
  FilterRegistrationBean<AppCsrfFilter> appCsrf(Refusals refusals) {
    FilterRegistrationBean<AppCsrfFilter> registration = new FilterRegistrationBean<>(new AppCsrfFilter(refusals));
    registration.setName("app-csrf");
    registration.addUrlPatterns("/app/*", "/api/*");
    registration.setOrder(CSRF);
    return registration;
  }

  /** The CSRF token in the pages' forms; Thymeleaf finds this bean by its name. */
  @Bean(name = "requestDataValueProcessor")
  RequestDataValueProcessor requestDataValueProcessor() {
    return new CsrfTokenFields();
  }

  @Bean
  ErrorAttributes errorAttributes(Refusals refusals) {
    return new DanishErrorAttributes(refusals);
  }

  /** Spring Boot's /error: the Danish error page, and problems for /api. */
  @Bean
  ErrorController errorController(ErrorAttributes attributes, ServerProperties server,
      ObjectProvider<ErrorViewResolver> resolvers, Refusals refusals, ErrorAdvice advice) {
    return new ErrorPage(attributes, server, resolvers.orderedStream().toList(), refusals, advice);
  }
}
