package dev.ufp.bridge.api;

import dev.ufp.bridge.format.Format;
import dev.ufp.bridge.format.FormatOptions;
import dev.ufp.bridge.format.KtoSource;
import dev.ufp.bridge.stream.Cursor;
import dev.ufp.bridge.stream.DatasetStreamer;
import dev.ufp.bridge.stream.Position;
import dev.ufp.bridge.stream.StreamRequest;
import dev.ufp.mining.dataset.RowFilter;
import org.springframework.util.MultiValueMap;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The query parameters of the stream, checksum and export endpoints, checked strictly: an unknown or repeated
 * parameter, a value out of range, or an option the format does not have is a 400 naming parameter, value and what
 * is allowed (a typo never silently changes what a training job gets).
 */
final class StreamQuery {

    static final long MAX_LIMIT = 100_000;
    static final Set<String> FILTERS = Set.of("split", "minStrength", "model", "from", "to");
    static final Set<String> LAYOUT = Set.of("format", "meta", "kto-source", "prompt-key", "chosen-key",
            "rejected-key", "messages");
    static final Set<String> PAGING = Set.of("cursor", "limit");
    static final Set<String> SPLITS = Set.of("train", "test");
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");
    private static final int MAX_MODEL = 128;

    private final MultiValueMap<String, String> params;

    private StreamQuery(MultiValueMap<String, String> params, Set<String> allowed, Set<String> repeatable) {
        this.params = params;
        for (var entry : params.entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw ParameterProblems.invalid(entry.getKey(), String.join(",", entry.getValue()),
                        String.join(", ", new TreeSet<>(allowed)), "unknown parameter");
            }
            if (entry.getValue().size() > 1 && !repeatable.contains(entry.getKey())) {
                throw ParameterProblems.invalid(entry.getKey(), String.join(",", entry.getValue()), "one value",
                        "given more than once");
            }
        }
    }

    /** A stream or checksum request: one format, filters, layout options, cursor and limit. */
    static StreamRequest stream(String datasetId, MultiValueMap<String, String> params, Set<String> extra) {
        Set<String> allowed = new TreeSet<>(extra);
        allowed.addAll(FILTERS);
        allowed.addAll(LAYOUT);
        allowed.addAll(PAGING);
        StreamQuery query = new StreamQuery(params, allowed, Set.of());
        Format format = query.format(query.value("format", Format.TRL.wireName()));
        FormatOptions options = query.options(format, List.of(format));
        Position after = query.cursor(options);
        return new StreamRequest(datasetId, query.filter(), options, after, query.limit());
    }

    /** An export request: formats (repeatable or comma-separated), filters and layout options, no split. */
    static ExportQuery export(MultiValueMap<String, String> params) {
        Set<String> allowed = new TreeSet<>(LAYOUT);
        allowed.addAll(FILTERS);
        allowed.remove("split");
        StreamQuery query = new StreamQuery(params, allowed, Set.of("format"));
        List<Format> formats = new ArrayList<>();
        for (String value : params.getOrDefault("format", List.of(String.join(",", allWireNames())))) {
            for (String name : value.split(",")) {
                Format format = query.format(name.trim());
                if (!formats.contains(format)) {
                    formats.add(format);
                }
            }
        }
        return new ExportQuery(formats, query.options(formats.get(0), formats), query.filter());
    }

    record ExportQuery(List<Format> formats, FormatOptions options, RowFilter filter) {
    }

    boolean flag(String name) {
        return flag(params, name);
    }

    /** A {@code true}/{@code false} parameter, false when absent. */
    static boolean flag(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        if (value == null) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw ParameterProblems.invalid(name, value, "true, false", "not a boolean");
        }
        return value.equals("true");
    }

    private static List<String> allWireNames() {
        return java.util.Arrays.stream(Format.values()).map(Format::wireName).toList();
    }

    private String value(String name, String fallback) {
        String value = params.getFirst(name);
        return value == null ? fallback : value;
    }

    private Format format(String value) {
        Format format = Format.fromWire(value);
        if (format == null) {
            throw ParameterProblems.invalid("format", value, Format.allowed(), "unknown format");
        }
        return format;
    }

    /** Layout options; each must be used by at least one of {@code formats}. */
    private FormatOptions options(Format format, List<Format> formats) {
        boolean kto = formats.contains(Format.KTO);
        boolean openrlhf = formats.contains(Format.OPENRLHF);
        onlyWith("kto-source", kto, "format=kto");
        onlyWith("prompt-key", openrlhf, "format=openrlhf");
        onlyWith("chosen-key", openrlhf, "format=openrlhf");
        onlyWith("rejected-key", openrlhf, "format=openrlhf");
        onlyWith("messages", kto || openrlhf, "format=kto or format=openrlhf");
        String source = value("kto-source", KtoSource.LABELS.wireName());
        KtoSource ktoSource = KtoSource.fromWire(source);
        if (ktoSource == null) {
            throw ParameterProblems.invalid("kto-source", source, KtoSource.ALLOWED, "unknown source");
        }
        String promptKey = key("prompt-key", FormatOptions.PROMPT);
        String chosenKey = key("chosen-key", FormatOptions.CHOSEN);
        String rejectedKey = key("rejected-key", FormatOptions.REJECTED);
        if (new TreeSet<>(List.of(promptKey, chosenKey, rejectedKey)).size() < 3) {
            throw ParameterProblems.invalid("prompt-key", promptKey + "," + chosenKey + "," + rejectedKey,
                    "three different keys", "prompt-key, chosen-key and rejected-key must differ");
        }
        return new FormatOptions(format, flag("meta"), ktoSource, promptKey, chosenKey, rejectedKey,
                flag("messages"));
    }

    private void onlyWith(String name, boolean applies, String with) {
        if (!applies && params.containsKey(name)) {
            throw ParameterProblems.invalid(name, params.getFirst(name), "only with " + with,
                    "not an option of this format");
        }
    }

    private String key(String name, String fallback) {
        String value = value(name, fallback);
        if (!KEY.matcher(value).matches()) {
            throw ParameterProblems.invalid(name, value, KEY.pattern(), "not a valid key");
        }
        return value;
    }

    private RowFilter filter() {
        String split = params.getFirst("split");
        if (split != null && !SPLITS.contains(split)) {
            throw ParameterProblems.invalid("split", split, "train, test", "unknown split");
        }
        Double minStrength = null;
        String strength = params.getFirst("minStrength");
        if (strength != null) {
            try {
                minStrength = Double.parseDouble(strength);
            } catch (NumberFormatException e) {
                minStrength = Double.NaN;
            }
            if (!(minStrength >= 0 && minStrength <= 1)) {
                throw ParameterProblems.invalid("minStrength", strength, "a number from 0 to 1", "out of range");
            }
        }
        String model = params.getFirst("model");
        if (model != null && (model.isBlank() || model.length() > MAX_MODEL)) {
            throw ParameterProblems.invalid("model", model, "1 to " + MAX_MODEL + " characters", "not a model name");
        }
        Instant from = instant("from");
        Instant to = instant("to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw ParameterProblems.invalid("to", params.getFirst("to"), "after from=" + from, "empty interval");
        }
        return new RowFilter(split, minStrength, model, from, to);
    }

    private Instant instant(String name) {
        String value = params.getFirst(name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ParameterProblems.invalid(name, value, "an ISO-8601 instant, e.g. 2026-11-29T00:00:00Z",
                    "not an instant");
        }
    }

    private long limit() {
        String value = params.getFirst("limit");
        if (value == null) {
            return 0;
        }
        long limit;
        try {
            limit = Long.parseLong(value);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ParameterProblems.invalid("limit", value, "1 to " + MAX_LIMIT + " (omit it for the whole stream)",
                    "out of range");
        }
        return limit;
    }

    private Position cursor(FormatOptions options) {
        String token = params.getFirst("cursor");
        if (token == null) {
            return null;
        }
        Position position = Cursor.decode(token);
        if (position == null) {
            throw ParameterProblems.invalid("cursor", token, "a cursor from X-Next-Cursor or a row's _cursor",
                    "not a cursor this server issued");
        }
        if (!DatasetStreamer.accepts(options, position)) {
            throw ParameterProblems.invalid("cursor", token, "a cursor of a " + options.format().wireName()
                    + " stream with the same options", "the cursor belongs to another format");
        }
        return position;
    }
}
