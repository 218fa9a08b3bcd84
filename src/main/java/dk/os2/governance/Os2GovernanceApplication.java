package dk.os2.governance;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** OS2's governance workflow: proposals, levels, evaluations and decisions on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class Os2GovernanceApplication {

  public static void main(String[] args) {
    SpringApplication.run(Os2GovernanceApplication.class, args);
  }
}
