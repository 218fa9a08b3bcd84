package dk.os2.governance.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
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
  FilterRegistrationBean<RequestSizeLimitFilter> appRequestSizeLimit() {
    FilterRegistrationBean<RequestSizeLimitFilter> registration =
        new FilterRegistrationBean<>(new RequestSizeLimitFilter());
    registration.setName("app-request-size-limit");
    registration.addUrlPatterns("/app/*", "/api/*");
    registration.setOrder(SIZE_LIMIT);
    return registration;
  }

  @Bean
  FilterRegistrationBean<AppCsrfFilter> appCsrf() {
    FilterRegistrationBean<AppCsrfFilter> registration = new FilterRegistrationBean<>(new AppCsrfFilter());
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
  ErrorAttributes errorAttributes() {
    return new DanishErrorAttributes();
  }
}
