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
 * Adds the module's defaults ({@code ufp-ingestion-defaults.yml}) with the lowest precedence, so the module
 * works wherever it is assembled, and every setting stays overridable in the usual Spring Boot ways.
 */
public class IngestionDefaults implements EnvironmentPostProcessor {

    private static final String RESOURCE = "ufp-ingestion-defaults.yml";
    private static final String PROFILE = "spring.config.activate.on-profile";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            List<PropertySource<?>> documents = new YamlPropertySourceLoader()
                    .load(RESOURCE, new ClassPathResource(RESOURCE));
            List<String> active = Arrays.asList(environment.getActiveProfiles());
            // profile documents first: they must win over the base document
            documents.stream()
                    .filter(d -> d.getProperty(PROFILE) != null && active.contains(d.getProperty(PROFILE).toString()))
                    .forEach(environment.getPropertySources()::addLast);
            documents.stream()
                    .filter(d -> d.getProperty(PROFILE) == null)
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
