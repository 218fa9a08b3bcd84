package dk.os2.benchmark;

import dk.os2.governance.Os2GovernanceApplication;
import java.util.List;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as it is deployed, started in its own JVM with one extra source: the SQL
 * counting of the benchmark ({@link SqlCounting}); {@link ScaleData} seeds open tasks through it.
 * The side runs on the test class path, where the component scan would also find the test suite's
 * own DataSource wrappers ({@code SqlCounter}, {@code SqlStatements}); they are left out, so the
 * application carries only the counting the bare side carries too.
 */
public final class AppMain {

  private static final List<String> TEST_ONLY_BEANS = List.of("sqlCounter", "sqlStatements");

  private AppMain() {}

  public static void main(String[] args) throws Exception {
    ConfigurableApplicationContext context = SideMain.run(new SpringApplicationBuilder(Os2GovernanceApplication.class,
        SqlCounting.class).initializers(app -> app.addBeanFactoryPostProcessor(new WithoutTestBeans())), args);
    SideMain.control(perBody -> ScaleData.openTasks(context, perBody));
  }

  /** Runs after the component scan registered the beans (the context's own post-processors come first). */
  static final class WithoutTestBeans implements BeanDefinitionRegistryPostProcessor {

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {}

    @Override
    public void postProcessBeanFactory(org.springframework.beans.factory.config.ConfigurableListableBeanFactory factory) {
      BeanDefinitionRegistry registry = (BeanDefinitionRegistry) factory;
      TEST_ONLY_BEANS.stream().filter(registry::containsBeanDefinition).forEach(registry::removeBeanDefinition);
    }
  }
}
