package dev.ufp.infra.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded generator of hostile inputs for {@code bench fuzz}: the same seed gives the same inputs. HTTP requests
 * for any endpoint (ids with control characters, non-ASCII and invalid UTF-8 in the path, odd query parameters,
 * bad or missing auth, wrong types, huge and deeply nested bodies, invalid UTF-8 bodies, wrong content types) and
 * ingest events whose values are hostile (NUL, lone surrogates, control characters, wrong types, out-of-range
 * values) mixed with good ones, each with a unique conversation and event id so the store can be audited.
 */
final class HostileInputs {

    /** What the fuzzer sent for one event, when it could be read back: to audit the store. */
    record SentEvent(String conversationId, String eventId) {
    }

    /** One generated event as JSON text, and its ids when it has plain ones. */
    record Event(String json, SentEvent ids) {
    }

    /** A record value for the ingest topic, and the ids of its event when it has plain ones. */
    record Value(byte[] bytes, SentEvent ids) {
    }

    /** An HTTP request to send. */
    record Request(String method, String path, Auth auth, String contentType, byte[] body, List<Event> events) {
    }

    enum Auth { VALID, MISSING, GARBAGE, WRONG_SCHEME, OTHER_ROLE, ADMIN }

    /** Path ids, already percent-encoded: control characters, invalid UTF-8, non-ASCII, traversal, size. */
    private static final List<String> HOSTILE_IDS = List.of("%00", "a%00b", "%0A", "%0D%0Ax", "%07", "%7F", "%C2%85",
            "%C3%28", "%FF%FE", "%ED%A0%80", "%C3%A9t%C3%A9", "%F0%9F%98%80", "..%2F..%2Fetc%2Fpasswd", "%2E%2E",
            "a;b=c", "%25", "%20", "x".repeat(5000), "-1", "0", "null", "ds_0000000000000000000000", "%22%3E%3Cscript%3E");

    private static final List<String> ODD_QUERIES = List.of("limit=-1", "limit=abc", "limit=99999999999999999999",
            "limit=0", "cursor=%00", "cursor=not-a-cursor", "format=nope", "format=%FF", "from=not-a-date",
            "to=9999-99-99", "a=1&a=2&a=3", "x=" + "y".repeat(6000), "split=%0A", "tenant=other", "after=-5",
            "offset=1e309", "model=%C3%28", "=", "&&&", "limit=1&limit=2");

    /** JSON string contents (escaped as sent) that must never reach the store. */
    private static final List<String> POISON_TEXT = List.of("\\u0000", "a\\u0000b", "\\ud800", "x\\udc00",
            "\\ud83d", "\\u0007", "\\u001f", "\\u007f", "\\u0085", "\\ud800\\ud800");

    private static final String INGEST = "POST /v1/events";

    private static final List<String> TYPES = List.of("ConversationStarted", "PromptSubmitted", "ResponseGenerated",
            "ReactionAdded", "ReactionRemoved", "RegenerateRequested", "ResponseCopied", "ResponseShared",
            "FeedbackCommented", "SpanCorrected", "ConversationClosed", "Nope", "", "conversationstarted");

    private final Random random;
    private long next;

    HostileInputs(long seed) {
        this.random = new Random(seed);
    }

    /** A hostile request for one of the endpoints ({@code METHOD /path/{param}}). */
    Request request(List<String> endpoints) {
        // a quarter of the inputs at the ingest endpoint, whose items the store audit follows
        String endpoint = random.nextInt(4) == 0 ? INGEST : endpoints.get(random.nextInt(endpoints.size()));
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = fillParameters(endpoint.substring(endpoint.indexOf(' ') + 1));
        if (random.nextInt(3) == 0) {
            path += "?" + pick(ODD_QUERIES) + (random.nextBoolean() ? "&" + pick(ODD_QUERIES) : "");
        }
        Auth auth = auth();
        if (path.equals("/v1/events") && method.equals("POST") && random.nextInt(3) > 0) {
            List<Event> events = batch();
            return new Request(method, path, auth, "application/json", batchBody(events), events);
        }
        boolean withBody = !method.equals("GET") && !method.equals("DELETE") || random.nextInt(5) == 0;
        return new Request(method, path, auth, contentType(), withBody ? body() : null, List.of());
    }

    /** A record value for the ingest topic: mostly one event (good or hostile), else garbage. */
    Value record() {
        return switch (random.nextInt(10)) {
            case 0 -> new Value(invalidUtf8(), null);
            case 1 -> new Value(pick(List.of("", "null", "[]", "[{}]", "42", "\"text\"", "{", "{\"events\":[]}",
                    "{\"type\":\"ConversationStarted\"}")).getBytes(StandardCharsets.UTF_8), null);
            case 2 -> new Value(deep(random.nextInt(2000) + 1001).getBytes(StandardCharsets.UTF_8), null);
            default -> {
                Event event = event(random.nextInt(3) == 0);
                yield new Value(event.json().getBytes(StandardCharsets.UTF_8), event.ids());
            }
        };
    }

    /** A good event with fresh ids: a new conversation started. */
    Event goodStart(String conversationId) {
        String eventId = "fz-e-" + (next++);
        return new Event("{\"eventId\":\"" + eventId + "\",\"type\":\"ConversationStarted\",\"conversationId\":\""
                + conversationId + "\",\"occurredAt\":\"2026-11-29T10:00:00Z\",\"userId\":\"fuzz-user\"}",
                new SentEvent(conversationId, eventId));
    }

    private List<Event> batch() {
        int size = 1 + random.nextInt(20);
        List<Event> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            events.add(event(random.nextInt(4) == 0));
        }
        return events;
    }

    private static byte[] batchBody(List<Event> events) {
        StringBuilder body = new StringBuilder("{\"events\":[");
        for (int i = 0; i < events.size(); i++) {
            body.append(i > 0 ? "," : "").append(events.get(i).json());
        }
        return body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A ConversationStarted, PromptSubmitted or ResponseGenerated; when not {@code good}, one field is hostile. */
    private Event event(boolean good) {
        String conversationId = "fz-c-" + (next++);
        String eventId = "fz-e-" + (next++);
        String type = List.of("ConversationStarted", "PromptSubmitted", "ResponseGenerated").get(random.nextInt(3));
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"eventId", quoted(eventId)});
        fields.add(new String[] {"type", quoted(type)});
        fields.add(new String[] {"conversationId", quoted(conversationId)});
        fields.add(new String[] {"occurredAt", quoted("2026-11-29T10:00:00Z")});
        switch (type) {
            case "ConversationStarted" -> {
                fields.add(new String[] {"userId", quoted("fuzz-user-" + random.nextInt(50))});
                fields.add(new String[] {"app", quoted("app")});
                fields.add(new String[] {"attributes", "{\"plan\":\"pro\"}"});
            }
            case "PromptSubmitted" -> {
                fields.add(new String[] {"turnId", quoted("t0")});
                fields.add(new String[] {"text", quoted("How do I sort a list?")});
            }
            default -> {
                fields.add(new String[] {"responseId", quoted("r0")});
                fields.add(new String[] {"turnId", quoted("t0")});
                fields.add(new String[] {"text", quoted("Use sorted(xs).")});
                fields.add(new String[] {"model", quoted("m1")});
                fields.add(new String[] {"latencyMs", "12"});
            }
        }
        if (!good) {
            String[] field = fields.get(random.nextInt(fields.size()));
            field[1] = hostileValue(field[0]);
            // a hostile id may still be a legal one (non-ASCII): keep it when it is a plain string, to audit it
            if (field[0].equals("eventId")) {
                eventId = plainString(field[1]);
            } else if (field[0].equals("conversationId")) {
                conversationId = plainString(field[1]);
            }
            if (random.nextInt(8) == 0) {
                fields.add(new String[] {pick(List.of("unknown", "eventid", "\\u0000", "")), quoted("x")});
            }
        }
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < fields.size(); i++) {
            json.append(i > 0 ? "," : "").append('"').append(fields.get(i)[0]).append("\":").append(fields.get(i)[1]);
        }
        json.append('}');
        return new Event(json.toString(),
                eventId != null && conversationId != null ? new SentEvent(conversationId, eventId) : null);
    }

    private String hostileValue(String field) {
        return switch (random.nextInt(9)) {
            case 0 -> "123";
            case 1 -> "null";
            case 2 -> "[\"a\"]";
            case 3 -> "{\"a\":1}";
            case 4 -> "true";
            case 5 -> quoted("x".repeat(random.nextBoolean() ? 129 : 100_001));
            case 6 -> field.equals("type") ? quoted(pick(TYPES)) : field.equals("occurredAt") ? quoted(pick(List.of("1970-01-01T00:00:00Z", "3000-01-01T00:00:00Z",
                    "yesterday", "2026-13-45T99:99:99Z"))) : quoted("ok-\u00e9\u4e2d\ud83d\ude00");
            default -> quoted("v" + pick(POISON_TEXT) + "w");
        };
    }

    private String fillParameters(String template) {
        StringBuilder path = new StringBuilder();
        int at = 0;
        for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', at)) {
            path.append(template, at, open).append(pick(HOSTILE_IDS));
            at = template.indexOf('}', open) + 1;
        }
        return path.append(template.substring(at)).toString();
    }

    private Auth auth() {
        int roll = random.nextInt(20);
        if (roll < 10) {
            return Auth.VALID;
        }
        return Auth.values()[1 + roll % (Auth.values().length - 1)];
    }

    private String contentType() {
        return pick(List.of("application/json", "application/json", "application/json", "text/plain",
                "application/json; charset=ISO-8859-1", "multipart/form-data; boundary=x", "application/xml", ""));
    }

    private byte[] body() {
        return switch (random.nextInt(12)) {
            case 0 -> deep(1001 + random.nextInt(50_000)).getBytes(StandardCharsets.UTF_8);
            case 1 -> invalidUtf8();
            case 2 -> random.nextInt(20) == 0 ? huge() : "{\"a\":\"".concat("z".repeat(200_000)).concat("\"}")
                    .getBytes(StandardCharsets.UTF_8);
            case 3 -> "{\"events\":[".getBytes(StandardCharsets.UTF_8);
            case 4 -> new byte[0];
            case 5 -> pick(List.of("null", "[]", "42", "\"s\"", "true", "{}", "[{}]", "{\"events\":\"x\"}",
                    "{\"events\":[1,2]}")).getBytes(StandardCharsets.UTF_8);
            default -> typedBody().getBytes(StandardCharsets.UTF_8);
        };
    }

    /** The shapes real endpoints take, each with a hostile value somewhere. */
    private String typedBody() {
        String value = pick(List.of("-1", "0", "1e309", "\"x\"", "null", "[]", "{}", "99999999999", "true",
                "\"\\u0000\"", "\"\\ud800\"", "\"" + "w".repeat(3000) + "\""));
        return pick(List.of(
                "{\"tenant\":" + value + ",\"roles\":[\"ingest\"]}",
                "{\"tenant\":\"fuzz\",\"roles\":" + value + "}",
                "{\"dataset\":" + value + "}",
                "{\"dataset\":\"fz\",\"minMargin\":" + value + "}",
                "{\"texts\":" + value + "}",
                "{\"prompt\":" + value + ",\"response\":\"r\"}",
                "{\"items\":[{\"prompt\":\"p\",\"response\":" + value + "}]}",
                "{\"heads\":" + value + ",\"epochs\":" + value + "}",
                "{\"format\":" + value + "}",
                "{\"reason\":" + value + "}"));
    }

    private static String deep(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private byte[] invalidUtf8() {
        byte[] prefix = "{\"events\":[{\"eventId\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] bad = pick(List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED,
                (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xC0, (byte) 0xAF}));
        byte[] suffix = "\",\"type\":\"ConversationStarted\"}]}".getBytes(StandardCharsets.UTF_8);
        byte[] body = Arrays.copyOf(prefix, prefix.length + bad.length + suffix.length);
        System.arraycopy(bad, 0, body, prefix.length, bad.length);
        System.arraycopy(suffix, 0, body, prefix.length + bad.length, suffix.length);
        return body;
    }

    /** 2–12 MB of one JSON string. */
    private byte[] huge() {
        int size = (2 + random.nextInt(11)) * 1_000_000;
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'h');
        byte[] open = "{\"events\":[{\"text\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(open, 0, body, 0, open.length);
        byte[] close = "\"}]}".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(close, 0, body, size - close.length, close.length);
        return body;
    }

    /** The text of a JSON string literal without escapes, or null for anything else. */
    private static String plainString(String json) {
        return json.length() >= 2 && json.startsWith("\"") && json.endsWith("\"") && json.indexOf('\\') < 0
                ? json.substring(1, json.length() - 1) : null;
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }
}
