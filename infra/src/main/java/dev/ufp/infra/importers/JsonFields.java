package dev.ufp.infra.importers;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;

/** Reads fields of one source record, failing with the file, line, field and value. */
record JsonFields(Path file, long line) {

    String requiredText(JsonNode node, String field) throws ImportFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new ImportFormatException(file, line, field, null, "missing; it is required");
        }
        if (!value.isTextual()) {
            throw new ImportFormatException(file, line, field, value, "must be a string");
        }
        return value.asText();
    }

    String optionalText(JsonNode node, String field) throws ImportFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new ImportFormatException(file, line, field, value, "must be a string");
        }
        return value.asText();
    }

    Integer optionalInt(JsonNode node, String field) throws ImportFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.asDouble() != Math.rint(value.asDouble())) {
            throw new ImportFormatException(file, line, field, value, "must be a whole number");
        }
        return value.asInt();
    }

    boolean flag(JsonNode node, String field) throws ImportFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new ImportFormatException(file, line, field, value, "must be true or false");
        }
        return value.asBoolean();
    }

    ImportFormatException invalid(String field, Object value, String problem) {
        return new ImportFormatException(file, line, field, value, problem);
    }
}
