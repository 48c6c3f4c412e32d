package dev.ufp.ingestion;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * Adds a module's defaults ({@code ufp-<module>-defaults.yml}) with the lowest precedence, so the module works
 * wherever it is assembled, and every setting stays overridable in the usual Spring Boot ways. Each module
 * registers its subclass in {@code META-INF/spring.factories}; profile documents of the file apply when active.
 */
public abstract class ModuleDefaults implements EnvironmentPostProcessor {

    private static final String PROFILE = "spring.config.activate.on-profile";

    private final String resource;

    protected ModuleDefaults(String resource) {
        this.resource = resource;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            List<PropertySource<?>> documents = new YamlPropertySourceLoader()
                    .load(resource, new ClassPathResource(resource));
            List<String> active = Arrays.asList(environment.getActiveProfiles());
            // profile documents first: they must win over the base document
            documents.stream()
                    .filter(d -> d.getProperty(PROFILE) != null && active.contains(d.getProperty(PROFILE).toString()))
                    .forEach(environment.getPropertySources()::addLast);
            documents.stream()
                    .filter(d -> d.getProperty(PROFILE) == null)
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
