package dk.os2.governance.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.os2.governance.submission.FormCatalog;
import dk.os2.governance.submission.SubmissionValidationFilter;
import dk.os2.governance.submission.SubmissionValidator;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The servlet filters in front of the engine, in order: login on /engine-rest, the two CVE
 * guards, then server-side validation of form submissions. The webapps' own login guards
 * /camunda; the application's pages and /api share it.
 */
@Configuration
class WebSecurityConfiguration {

  static final int AUTHENTICATION = 10;
  static final int GUARD = 20;
  static final int VALIDATION = 30;

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(AUTHENTICATION);
    return registration;
  }

  @Bean
  FilterRegistrationBean<AppAuthenticationFilter> appAuthentication(ProcessEngine engine) {
    FilterRegistrationBean<AppAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new AppAuthenticationFilter(engine.getIdentityService()));
    registration.setName("app-authentication");
    registration.addUrlPatterns("/api/*", "/app/*");
    registration.setOrder(AUTHENTICATION);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SecurityGuardFilter> securityGuard() {
    FilterRegistrationBean<SecurityGuardFilter> registration = new FilterRegistrationBean<>(new SecurityGuardFilter());
    registration.setName("security-guard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(GUARD);
    return registration;
  }

  @Bean
  FilterRegistrationBean<SubmissionValidationFilter> submissionValidation(ProcessEngine engine, FormCatalog forms,
      SubmissionValidator validator, ObjectMapper json) {
    FilterRegistrationBean<SubmissionValidationFilter> registration =
        new FilterRegistrationBean<>(new SubmissionValidationFilter(engine, forms, validator, json));
    registration.setName("submission-validation");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(VALIDATION);
    return registration;
  }
}
