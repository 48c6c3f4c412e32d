package dev.ufp.ingestion.intake;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.ufp.ingestion.contract.AttributeCount;
import dev.ufp.ingestion.contract.EventTime;
import dev.ufp.ingestion.contract.FeedbackEvent;
import dev.ufp.ingestion.contract.Printable;
import dev.ufp.ingestion.contract.StorableText;
import dev.ufp.ingestion.problem.FieldViolation;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one JSON event into its contract record, or says exactly which field is wrong and why. The same parser
 * serves the HTTP and the Kafka ingest channels. The contract's constraints are validated with the configured
 * limits ({@code feedback.ingest.max-attributes}, {@code occurred-at-*}) and this parser's clock.
 */
@Component
class EventParser {

    private static final Map<String, Class<? extends FeedbackEvent>> TYPES = new TreeMap<>();

    static {
        for (var subtype : FeedbackEvent.class.getAnnotation(
                com.fasterxml.jackson.annotation.JsonSubTypes.class).value()) {
            TYPES.put(subtype.name(), subtype.value().asSubclass(FeedbackEvent.class));
        }
    }

    /** {@code attributes<K>[name].<map key>} and {@code attributes[name].<map value>} read as {@code attributes[name]}. */
    private static final Pattern MAP_ELEMENT = Pattern.compile("(?:<K>)?(\\[.*])\\.<map (?:key|value)>$");

    /** By field; on one field, the specific rule before "required" (a NUL id is also blank). Deterministic. */
    private static final Comparator<ConstraintViolation<?>> FIRST_TO_REPORT = Comparator
            .<ConstraintViolation<?>, String>comparing(v -> v.getPropertyPath().toString())
            .thenComparing(v -> v.getConstraintDescriptor().getAnnotation() instanceof NotBlank)
            .thenComparing(v -> v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName());

    private final ObjectMapper strict;
    private final Validator validator;
    private final IngestProperties limits;
    private final Clock clock;

    @Autowired
    EventParser(ObjectMapper objectMapper, ValidatorFactory validators, IngestProperties limits,
                ObjectProvider<Clock> clock) {
        this(objectMapper, validators, limits, clock.getIfAvailable(Clock::systemUTC));
    }

    EventParser(ObjectMapper objectMapper, ValidatorFactory validators, IngestProperties limits, Clock clock) {
        this.strict = objectMapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        this.limits = limits;
        this.clock = clock;
        this.validator = validators.usingContext()
                .traversableResolver(EVERYTHING_REACHABLE)
                .clockProvider(() -> clock)
                .constraintValidatorFactory(new ConfiguredValidators(validators.getConstraintValidatorFactory(), limits))
                .getValidator();
    }

    /** Creates the contract's configurable validators with this deployment's limits; the rest as usual. */
    private record ConfiguredValidators(ConstraintValidatorFactory delegate, IngestProperties limits)
            implements ConstraintValidatorFactory {

        @Override
        public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
            if (key == AttributeCount.Validator.class) {
                return key.cast(new AttributeCount.Validator(limits.maxAttributes()));
            }
            if (key == EventTime.Validator.class) {
                return key.cast(new EventTime.Validator(limits.occurredAtEarliest(), limits.occurredAtMaxAhead()));
            }
            return delegate.getInstance(key);
        }

        @Override
        public void releaseInstance(ConstraintValidator<?, ?> instance) {
            if (!(instance instanceof AttributeCount.Validator) && !(instance instanceof EventTime.Validator)) {
                delegate.releaseInstance(instance);
            }
        }
    }

    /**
     * The contract records are plain values, never JPA entities, so every property is reachable. The default
     * (JPA-aware) resolver asks the persistence provider about each property of each event, which the
     * ingestion benchmark measured at about half of the validation cost. Same constraints, same messages.
     */
    private static final TraversableResolver EVERYTHING_REACHABLE = new TraversableResolver() {
        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                                   java.lang.annotation.ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                                    java.lang.annotation.ElementType elementType) {
            return true;
        }
    };

    sealed interface Parsed permits Valid, Invalid {
        String eventId();
    }

    record Valid(String eventId, FeedbackEvent event) implements Parsed {
    }

    record Invalid(String eventId, ItemError error) implements Parsed {
    }

    Parsed parse(JsonNode node) {
        if (node == null || !node.isObject()) {
            return invalid(null, "", node == null ? null : node.getNodeType().toString(), null,
                    "each element of events must be a JSON object");
        }
        String eventId = node.path("eventId").isTextual() ? node.get("eventId").asText() : null;
        JsonNode type = node.get("type");
        if (type == null || !type.isTextual() || !TYPES.containsKey(type.asText())) {
            return invalid(eventId, "type", type == null ? null : FieldViolation.echo(type.asText()),
                    TYPES.keySet().toString(), "type must be one of the event types");
        }
        FeedbackEvent event;
        try {
            event = strict.treeToValue(node, TYPES.get(type.asText()));
        } catch (JsonMappingException e) {
            return fromMappingError(eventId, e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return invalid(eventId, "", null, null, e.getOriginalMessage());
        }
        Set<ConstraintViolation<FeedbackEvent>> violations = validator.validate(event);
        if (!violations.isEmpty()) {
            ConstraintViolation<FeedbackEvent> first = violations.stream().min(FIRST_TO_REPORT).orElseThrow();
            return invalid(eventId, field(first), FieldViolation.echo(first.getInvalidValue()),
                    limit(first), first.getMessage());
        }
        return new Valid(event.eventId(), event);
    }

    private static Parsed fromMappingError(String eventId, JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        if (e instanceof UnrecognizedPropertyException unknown) {
            return invalid(eventId, unknown.getPropertyName(), null, unknown.getKnownPropertyIds().toString(),
                    "unknown field for this event type");
        }
        if (e instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            String allowed = target != null && target.isEnum()
                    ? Arrays.toString(target.getEnumConstants())
                    : target == null ? null : "a valid " + target.getSimpleName();
            return invalid(eventId, field, FieldViolation.echo(String.valueOf(format.getValue())), allowed,
                    "value cannot be read as " + (target == null ? "the expected type" : target.getSimpleName()));
        }
        return invalid(eventId, field, null, null, e.getOriginalMessage());
    }

    private static String field(ConstraintViolation<?> violation) {
        return MAP_ELEMENT.matcher(violation.getPropertyPath().toString()).replaceFirst("$1");
    }

    private String limit(ConstraintViolation<?> violation) {
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        String annotation = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return switch (annotation) {
            case "Size" -> "size " + attributes.get("min") + ".." + attributes.get("max");
            case "Max" -> "at most " + attributes.get("value");
            case "Min" -> "at least " + attributes.get("value");
            case "PositiveOrZero" -> ">= 0";
            case "NotNull", "NotBlank" -> "required";
            case "Pattern" -> "pattern " + attributes.get("regexp");
            case "Utf8Size" -> "at most " + attributes.get("max") + " bytes in UTF-8";
            case "Printable" -> Printable.LIMIT;
            case "StorableText" -> StorableText.LIMIT;
            case "AttributeCount" -> "at most " + limits.maxAttributes() + " attributes";
            case "EventTime" -> "from " + limits.occurredAtEarliest() + " to now + " + limits.occurredAtMaxAhead()
                    + " (now: " + clock.instant() + ")";
            default -> null;
        };
    }

    private static Invalid invalid(String eventId, String field, Object value, String limit, String message) {
        return new Invalid(eventId, new ItemError("invalid-field", field, value, limit, message, false));
    }
}
