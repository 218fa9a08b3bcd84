package dk.os2.governance.submission;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms of the application. {@link #form(CamundaFormRef, String)} resolves a task's or
 * start event's form reference as the engine does (binding {@code deployment}, {@code latest} or
 * {@code version}) to the deployed form, so a form generated from a catalogue version and deployed
 * at run time is validated as the form the user was shown; {@link #form(String)} gives the file
 * shipped under {@code forms/}.
 */
@Component
public class FormCatalog {

  private final Map<String, FormSchema> forms = new HashMap<>();
  /** Parsed deployed forms by form definition id: a deployed definition never changes. */
  private final Map<String, FormSchema> deployed = new ConcurrentHashMap<>();
  /**
   * Resolved references whose answer never changes: a {@code deployment} binding of a definition, or
   * a fixed {@code version}. A {@code latest} binding is resolved on every call (a catalogue version
   * coming into force deploys a newer form).
   */
  private final Map<String, FormSchema> fixedReferences = new ConcurrentHashMap<>();
  private final ObjectProvider<ProcessEngine> engine;
  private final ObjectMapper json;

  FormCatalog(ObjectMapper json, ObjectProvider<ProcessEngine> engine) throws IOException {
    this.json = json;
    this.engine = engine;
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
      try (InputStream in = resource.getInputStream()) {
        FormSchema form = FormSchema.parse(json.readTree(in));
        forms.put(form.id(), form);
      }
    }
  }

  /** The form shipped under {@code forms/} with this id. */
  public Optional<FormSchema> form(String id) {
    return Optional.ofNullable(forms.get(id));
  }

  /**
   * The deployed form a reference of the process definition resolves to (the form the task or the
   * start event shows); the shipped form of the reference's key when the engine has none deployed.
   */
  public Optional<FormSchema> form(CamundaFormRef ref, String processDefinitionId) {
    if (ref == null || ref.getKey() == null) {
      return Optional.empty();
    }
    boolean fixed = !"latest".equals(ref.getBinding());
    String fixedKey = processDefinitionId + "\u0000" + ref.getKey() + "\u0000" + ref.getBinding() + "\u0000" + ref.getVersion();
    if (fixed && fixedReferences.containsKey(fixedKey)) {
      return Optional.of(fixedReferences.get(fixedKey));
    }
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration();
    Optional<FormSchema> resolved = config.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
      String deploymentId = processDefinitionId == null ? null
          : context.getProcessEngineConfiguration().getDeploymentCache()
              .findDeployedProcessDefinitionById(processDefinitionId).getDeploymentId();
      CamundaFormDefinition definition;
      try {
        definition = new GetCamundaFormDefinitionCmd(ref, deploymentId).execute(context);
      } catch (NotFoundException e) {
        return Optional.<FormSchema>empty();
      }
      if (definition == null) {
        return Optional.<FormSchema>empty();
      }
      FormSchema known = deployed.get(definition.getId());
      if (known != null) {
        return Optional.of(known);
      }
      ResourceEntity resource = context.getResourceManager()
          .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
      if (resource == null) {
        return Optional.<FormSchema>empty();
      }
      FormSchema form = parse(resource.getBytes());
      deployed.put(definition.getId(), form);
      return Optional.of(form);
    }));
    if (fixed) {
      resolved.ifPresent(form -> fixedReferences.put(fixedKey, form));
    }
    return resolved.or(() -> form(ref.getKey()));
  }

  private FormSchema parse(byte[] form) {
    try {
      return FormSchema.parse(json.readTree(form));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
