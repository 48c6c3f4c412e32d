package dev.ufp.projections.it;

/** Event JSON as product backends post it; {@code at} is seconds after 2026-11-29T10:00:00Z. */
public final class EventJson {

    private EventJson() {
    }

    static String time(int at) {
        return java.time.Instant.parse("2026-11-29T10:00:00Z").plusSeconds(at).toString();
    }

    public static String started(String c, String user, String cohort) {
        return """
                {"eventId":"%s-start","type":"ConversationStarted","conversationId":"%s","occurredAt":"%s",\
                "userId":"%s","attributes":{"cohort":"%s"}}""".formatted(c, c, time(0), user, cohort);
    }

    public static String prompt(String id, String c, int at, String turn, String text, String follows) {
        return """
                {"eventId":"%s","type":"PromptSubmitted","conversationId":"%s","occurredAt":"%s","turnId":"%s",\
                "text":"%s"%s}""".formatted(id, c, time(at), turn, text,
                follows == null ? "" : ",\"followsResponseId\":\"" + follows + "\"");
    }

    public static String response(String id, String c, int at, String responseId, String turn, String text,
                                  String model, String regenerates) {
        return """
                {"eventId":"%s","type":"ResponseGenerated","conversationId":"%s","occurredAt":"%s","responseId":"%s",\
                "turnId":"%s","text":"%s","model":"%s","modelVersion":"%s-v1","variant":"A"%s}"""
                .formatted(id, c, time(at), responseId, turn, text, model, model,
                        regenerates == null ? "" : ",\"regenerates\":\"" + regenerates + "\"");
    }

    public static String reaction(String type, String id, String c, int at, String responseId, String user,
                                  String reaction) {
        return """
                {"eventId":"%s","type":"%s","conversationId":"%s","occurredAt":"%s","responseId":"%s","userId":"%s",\
                "reaction":"%s"}""".formatted(id, type, c, time(at), responseId, user, reaction);
    }

    public static String targeted(String type, String id, String c, int at, String responseId, String user) {
        return """
                {"eventId":"%s","type":"%s","conversationId":"%s","occurredAt":"%s","responseId":"%s","userId":"%s"}"""
                .formatted(id, type, c, time(at), responseId, user);
    }

    public static String corrected(String id, String c, int at, String responseId, String user, int start, int end,
                                   String correction) {
        return """
                {"eventId":"%s","type":"SpanCorrected","conversationId":"%s","occurredAt":"%s","responseId":"%s",\
                "userId":"%s","start":%d,"end":%d,"correction":"%s"}"""
                .formatted(id, c, time(at), responseId, user, start, end, correction);
    }

    public static String closed(String id, String c, int at) {
        return """
                {"eventId":"%s","type":"ConversationClosed","conversationId":"%s","occurredAt":"%s","reason":"done"}"""
                .formatted(id, c, time(at));
    }
}
