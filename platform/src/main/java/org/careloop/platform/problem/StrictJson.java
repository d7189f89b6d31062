package org.careloop.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Request bodies are read strictly: one JSON value and nothing after it, no key twice, no
 * conversion between scalar types, no enum ordinals, and every string and date within {@link
 * InputRules}; a breach is a 400 naming the field's JSON path.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Far deeper than any body of ours, far shallower than what could exhaust a thread's stack. */
    static final int MAX_NESTING = 32;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory()
                .setStreamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(
                DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT,
                DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);

        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        refuse(
                mapper,
                LogicalType.Textual,
                CoercionInputShape.Integer,
                CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(
                mapper,
                LogicalType.Integer,
                CoercionInputShape.String,
                CoercionInputShape.Float,
                CoercionInputShape.Boolean);
        refuse(mapper, LogicalType.Float, CoercionInputShape.String, CoercionInputShape.Boolean);
        refuse(
                mapper,
                LogicalType.Boolean,
                CoercionInputShape.String,
                CoercionInputShape.Integer,
                CoercionInputShape.Float);
        refuse(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.Float);
        refuse(mapper, LogicalType.DateTime, CoercionInputShape.Integer, CoercionInputShape.Float);

        SimpleModule rules = new SimpleModule("careloop-input-rules");
        rules.addDeserializer(String.class, new CheckedText(false));
        rules.setDeserializerModifier(new CheckedScalars());
        mapper.registerModule(rules);
    }

    private static void refuse(
            ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** Reads a string as Jackson would, then holds it to the text rule of its field. */
    static final class CheckedText extends StdScalarDeserializer<String>
            implements ContextualDeserializer {

        private final boolean freeText;

        CheckedText(boolean freeText) {
            super(String.class);
            this.freeText = freeText;
        }

        @Override
        public JsonDeserializer<?> createContextual(
                DeserializationContext ctxt, BeanProperty property) {
            boolean free = property != null && property.getAnnotation(FreeText.class) != null;
            return free == freeText ? this : new CheckedText(free);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            String defect = value == null ? null : InputRules.textDefect(value, freeText);
            if (defect != null) {
                throw new RefusedValue(p, defect);
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    /**
     * Wraps the java.time, UUID and enum deserializers, which trim what they read: text within the
     * text rule, ISO-8601 text only for times, and every date and instant within the input range.
     */
    static final class CheckedScalars extends BeanDeserializerModifier {

        @Override
        public JsonDeserializer<?> modifyDeserializer(
                DeserializationConfig config,
                BeanDescription description,
                JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            return type.getPackageName().equals("java.time") || type == java.util.UUID.class
                    ? new CheckedScalar(deserializer)
                    : deserializer;
        }

        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(
                DeserializationConfig config,
                JavaType type,
                BeanDescription description,
                JsonDeserializer<?> deserializer) {
            return new CheckedScalar(deserializer);
        }
    }

    static final class CheckedScalar extends DelegatingDeserializer {

        CheckedScalar(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new CheckedScalar(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != null
                    && (p.currentToken().isNumeric() || p.currentToken() == JsonToken.START_ARRAY)
                    && !handledType().isEnum()) {
                // Jackson reads a number as an epoch offset and [2027, 3, 1] (or [], as null) as a
                // date; a request states a date in ISO-8601 text.
                throw new RefusedValue(
                        p,
                        "has the wrong type: expected " + ProblemResponses.expected(handledType()));
            }
            // These readers trim the text first, so "1990-12-10\u0000" would pass as a date,
            // "LOW\u0000" as LOW and a UUID followed by a control character as that UUID.
            String defect =
                    p.currentToken() == JsonToken.VALUE_STRING
                            ? InputRules.textDefect(p.getText(), false)
                            : null;
            if (defect != null) {
                throw new RefusedValue(p, defect);
            }
            Object value = super.deserialize(p, ctxt);
            defect =
                    value instanceof LocalDate date
                            ? InputRules.dateDefect(date)
                            : value instanceof Instant instant
                                    ? InputRules.instantDefect(instant)
                                    : null;
            if (defect != null) {
                throw new RefusedValue(p, defect);
            }
            return value;
        }
    }
}
