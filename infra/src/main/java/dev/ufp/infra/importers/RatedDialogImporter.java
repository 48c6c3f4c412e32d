package dev.ufp.infra.importers;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ufp.infra.client.BatchSender;
import dev.ufp.infra.client.EventFactory;
import dev.ufp.infra.simulator.GroundTruth;
import dev.ufp.ingestion.contract.Limits;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;

/**
 * ConvAI2 "wild" evaluation dialogs ({@code data_intermediate.json}: a JSON array of dialogs) → conversations
 * {@code convai2:<index in file>}. Human turns are prompts; a bot turn is the response to the human turn before
 * it (a bot turn with no unanswered human turn before it gets a turn with an empty prompt); the next human turn
 * right after a bot turn is its follow-up; a bot turn's {@code evaluation_score} 1 → {@code THUMBS_UP}, 0 →
 * {@code THUMBS_DOWN} from that human. Ground truth: a response line with the {@code rating} per rated bot turn.
 * Times from {@code start_time} (UTC) plus ten seconds per turn, synthesised when missing.
 */
public final class RatedDialogImporter {

    private static final Instant SYNTHETIC_START = Instant.parse("2018-07-01T00:00:00Z");
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss").optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().toFormatter();

    private final ObjectMapper json = new ObjectMapper();

    public ImportedData read(Path file, String tenant) throws IOException {
        List<BatchSender.Unit> units = new ArrayList<>();
        List<GroundTruth.Line> truth = new ArrayList<>();
        ImportNotes notes = new ImportNotes();
        try (JsonParser parser = json.createParser(file.toFile())) {
            JsonToken first = next(parser, file);
            if (first != JsonToken.START_ARRAY) {
                throw new ImportFormatException(file, parser.currentLocation().getLineNr(), null, null,
                        "the file must hold a JSON array of dialogs");
            }
            int index = 0;
            while (next(parser, file) == JsonToken.START_OBJECT) {
                long line = parser.currentLocation().getLineNr();
                JsonNode dialog;
                try {
                    dialog = parser.readValueAsTree();
                } catch (JsonProcessingException e) {
                    throw new ImportFormatException(file, e.getLocation() == null ? line : e.getLocation().getLineNr(),
                            null, null, "not valid JSON in dialog " + index + ": " + e.getOriginalMessage());
                }
                BatchSender.Unit unit = dialog(dialog, index++, tenant, new JsonFields(file, line), notes, truth);
                if (unit != null) {
                    notes.addIfSendable(units, unit);
                }
            }
        }
        return new ImportedData(units, truth, notes);
    }

    private static JsonToken next(JsonParser parser, Path file) throws ImportFormatException {
        try {
            return parser.nextToken();
        } catch (JsonProcessingException e) {
            throw new ImportFormatException(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), null,
                    null, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ImportFormatException(file, 0, null, null, e.getMessage());
        }
    }

    private BatchSender.Unit dialog(JsonNode dialog, int index, String tenant, JsonFields fields, ImportNotes notes,
                                    List<GroundTruth.Line> truth) throws ImportFormatException {
        String id = "convai2:" + index;
        JsonNode turns = dialog.get("dialog");
        if (turns == null || !turns.isArray()) {
            throw fields.invalid("dialog", turns, "missing or not an array (dialog " + index + ")");
        }
        if (turns.isEmpty()) {
            notes.skip(id, "empty dialog");
            return null;
        }
        Instant start = start(fields.optionalText(dialog, "start_time"), index, fields);
        String user = null;
        List<ObjectNode> events = new ArrayList<>();
        ObjectNode started = EventFactory.started(id + ":start", id, start, "");
        events.add(started);
        String turn = null;
        String promptText = null;
        boolean answered = true;
        String lastBot = null;
        for (int t = 0; t < turns.size(); t++) {
            JsonNode message = turns.get(t);
            String senderClass = fields.requiredText(message, "sender_class");
            String text = notes.text(fields.requiredText(message, "text"));
            String messageId = fields.optionalText(message, "id");
            String m = messageId == null ? Integer.toString(t) : messageId;
            Instant at = start.plusSeconds(10L * (t + 1));
            if (senderClass.equals("Human")) {
                if (user == null) {
                    user = participant(dialog, fields.optionalText(message, "sender"), index, notes);
                }
                turn = "t" + m;
                promptText = text;
                events.add(EventFactory.prompt(id + ":" + m + ":prompt", id, at, turn, text, lastBot));
                answered = false;
                lastBot = null;
            } else if (senderClass.equals("Bot")) {
                if (answered) {
                    turn = "t" + m + "-open";
                    promptText = "";
                    events.add(EventFactory.prompt(id + ":" + m + ":open", id, at.minusSeconds(1), turn, "", null));
                }
                String responseId = "m" + m;
                String model = dialog.path(botParticipant(message)).path("user_id").asText("convai-bot");
                events.add(EventFactory.response(id + ":" + m + ":response", id, at, responseId, turn, text,
                        notes.shortText("model names", model, Limits.SHORT_TEXT_MAX)));
                Integer rating = fields.optionalInt(message, "evaluation_score");
                if (rating != null) {
                    if (rating != 0 && rating != 1) {
                        throw fields.invalid("evaluation_score", rating, "must be 0, 1 or null (dialog " + index
                                + ", turn " + m + ")");
                    }
                    events.add(EventFactory.reaction(id + ":" + m + ":rating", "ReactionAdded", id, at.plusSeconds(5),
                            responseId, "", rating == 1 ? "THUMBS_UP" : "THUMBS_DOWN"));
                    truth.add(new GroundTruth.ResponseTruth(tenant, id, responseId, turn, promptText, null, null, null,
                            null, null, null, rating));
                }
                answered = true;
                lastBot = responseId;
            } else {
                throw fields.invalid("sender_class", senderClass, "must be 'Human' or 'Bot' (dialog " + index + ")");
            }
        }
        String human = user != null ? user : participant(dialog, "participant1", index, notes);
        for (ObjectNode event : events) {
            if (event.has("userId")) {
                event.put("userId", human);
            }
        }
        started.put("app", "convai2").set("attributes", EventFactory.object().put("source", "convai2"));
        return new BatchSender.Unit(tenant, id, events);
    }

    private static String botParticipant(JsonNode message) {
        String sender = message.path("sender").asText("participant2");
        return sender + "_id";
    }

    private static String participant(JsonNode dialog, String sender, int index, ImportNotes notes) {
        String userId = dialog.path((sender == null ? "participant1" : sender) + "_id").path("user_id").asText("");
        return userId.isBlank() ? "convai-user:" + index : notes.shortText("user ids", userId, Limits.USER_ID_MAX);
    }

    private static Instant start(String text, int index, JsonFields fields) throws ImportFormatException {
        if (text == null || text.isBlank()) {
            return SYNTHETIC_START.plusSeconds(index * 3600L);
        }
        try {
            return LocalDateTime.parse(text, TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw fields.invalid("start_time", text, "expected 'yyyy-MM-dd HH:mm:ss[.fraction]' (dialog " + index + ")");
        }
    }
}
