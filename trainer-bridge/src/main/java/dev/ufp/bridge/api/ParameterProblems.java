package dev.ufp.bridge.api;

import dev.ufp.ingestion.problem.ApiProblem;
import dev.ufp.ingestion.problem.FieldViolation;

/** 400 problems that name the query parameter, the value received and what is allowed. */
final class ParameterProblems {

    private ParameterProblems() {
    }

    static ApiProblem invalid(String parameter, Object value, String allowed, String message) {
        return ApiProblem.badRequest("invalid-parameter", "query parameter '" + parameter + "' is invalid: " + message
                        + "; allowed: " + allowed,
                new FieldViolation(parameter, FieldViolation.echo(value), allowed, message));
    }
}
