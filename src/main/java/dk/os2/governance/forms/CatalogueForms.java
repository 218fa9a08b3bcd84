package dk.os2.governance.forms;

import dk.os2.governance.criteria.Catalogue;
import dk.os2.governance.criteria.CataloguePublished;
import dk.os2.governance.criteria.CatalogueVersions;
import dk.os2.governance.identity.Access;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deploys the self-assessment forms generated from a catalogue version, and tells the models which
 * deployed form version a task uses.
 *
 * <p>Each catalogue version's forms are one deployment named {@code catalogue-forms <id> <version>}
 * with the same form ids as the files under {@code forms/} ({@code proposal-start},
 * {@code supplement-proposal}, {@code level-self-assessment}), so each deployment is a new version of
 * those forms. When a version is published (in the publishing transaction) and when the application
 * has started, the version in force is made the latest version of each form, which the proposal's
 * start form uses ({@code camunda:formRefBinding="latest"}). A task form uses the version of its
 * process's catalogue ({@code camunda:formRefBinding="version"} with
 * {@code camunda:formRefVersion="${catalogueForms.version('supplement-proposal', task)}"}).
 */
@Component("catalogueForms")
public class CatalogueForms {

  private static final Logger LOG = LoggerFactory.getLogger(CatalogueForms.class);
  private static final String DEPLOYMENT_PREFIX = "catalogue-forms ";

  private final ObjectProvider<ProcessEngine> engine;
  private final CatalogueVersions versions;
  /** Form definition version by catalogue version and form id; a deployment never changes. */
  private final Map<String, Integer> formVersions = new ConcurrentHashMap<>();

  CatalogueForms(ObjectProvider<ProcessEngine> engine, CatalogueVersions versions) {
    this.engine = engine;
    this.versions = versions;
  }

  /**
   * For the models: the version of the form {@code formId} generated from the task's process's
   * catalogue (the latest version when that catalogue's forms were never deployed). A text, as the
   * engine reads {@code camunda:formRefVersion}.
   */
  public String version(String formId, DelegateTask task) {
    Object pinned = task.getVariable(CatalogueVersions.VARIABLE);
    String version = pinned != null ? pinned.toString() : versions.inForce().version();
    return asSystem(() -> formVersion(version, formId)
        .or(() -> latest(formId).map(CamundaFormDefinition::getVersion))
        .map(String::valueOf)
        .orElseThrow(() -> new IllegalStateException("No form " + formId + " is deployed")));
  }

  @EventListener
  void published(CataloguePublished published) {
    if (versions.catalogueId().equals(published.id())) {
      ensureInForce();
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  void started() {
    ensureInForce();
  }

  /**
   * A version approved with a later effective date comes into force at midnight: every night the
   * forms follow it (nothing is deployed when they already match).
   */
  @Scheduled(cron = "${os2.catalogue.forms-check:0 5 0 * * *}")
  void daily() {
    ensureInForce();
  }

  /** Makes the forms of the version in force the latest of each form id; deploys only what differs. */
  void ensureInForce() {
    Catalogue catalogue = versions.inForce();
    Map<String, String> generated = new LinkedHashMap<>();
    SelfAssessmentForms.FORM_IDS.forEach(id -> generated.put(id, SelfAssessmentForms.generate(id, catalogue)));
    asSystem(() -> {
      boolean current = generated.entrySet().stream().allMatch(form -> latest(form.getKey())
          .map(definition -> form.getValue().equals(content(definition))).orElse(false))
          && formVersion(catalogue.version(), SelfAssessmentForms.FORM_IDS.get(0)).isPresent();
      if (!current) {
        DeploymentBuilder deployment = repository().createDeployment()
            .name(deploymentName(catalogue.version())).source("os2-governance");
        generated.forEach((id, json) -> deployment.addString(id + ".form", json));
        Deployment deployed = deployment.deploy();
        formVersions.keySet().removeIf(key -> key.startsWith(catalogue.version() + "\u0000"));
        LOG.info("Deployed the self-assessment forms of catalogue {} {} ({})", catalogue.id(), catalogue.version(),
            deployed.getId());
      }
      return null;
    });
  }

  private Optional<Integer> formVersion(String catalogueVersion, String formId) {
    String key = catalogueVersion + "\u0000" + formId;
    Integer known = formVersions.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Integer> found = repository().createDeploymentQuery().deploymentName(deploymentName(catalogueVersion))
        .orderByDeploymentTime().desc().listPage(0, 1).stream().findFirst()
        .map(deployment -> command(context -> context.getCamundaFormDefinitionManager()
            .findDefinitionByDeploymentAndKey(deployment.getId(), formId)))
        .map(CamundaFormDefinition::getVersion);
    found.ifPresent(version -> formVersions.put(key, version));
    return found;
  }

  private Optional<CamundaFormDefinition> latest(String formId) {
    return Optional.ofNullable(command(context -> context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formId)));
  }

  private String content(CamundaFormDefinition definition) {
    ResourceEntity resource = command(context -> context.getResourceManager()
        .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName()));
    return resource == null ? null : new String(resource.getBytes(), StandardCharsets.UTF_8);
  }

  /** Reads the engine's form definitions, which the public API has no query for. */
  private <T> T command(Command<T> command) {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration();
    return config.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> command.execute(context)));
  }

  private String deploymentName(String catalogueVersion) {
    return DEPLOYMENT_PREFIX + versions.catalogueId() + " " + catalogueVersion;
  }

  private RepositoryService repository() {
    return engine.getObject().getRepositoryService();
  }

  private <T> T asSystem(java.util.function.Supplier<T> work) {
    IdentityService identity = engine.getObject().getIdentityService();
    return Access.asSystem(identity, work);
  }
}
