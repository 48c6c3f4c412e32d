package dev.ufp.infra.importers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ufp.infra.client.BatchSender;
import dev.ufp.infra.client.EventFactory;
import dev.ufp.infra.simulator.GroundTruth;
import dev.ufp.ingestion.contract.Limits;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAssistant message trees (flat JSONL: one message a line, possibly with nested {@code replies}; or nested:
 * one tree a line, {@code prompt} with {@code replies}) → conversations. One conversation per prompter message that has assistant replies
 * ({@code oasst:<message_id>}): the path from the tree's root is replayed as context (prompts and the one assistant
 * reply on the path, variant {@code context}); then the prompt, and its assistant replies as alternative responses
 * to that one turn (several {@code ResponseGenerated}, no {@code regenerates}); their emoji counts as reactions
 * from distinct pseudonymous reviewers; the prompter replies to each as its follow-ups ({@code followsResponseId}).
 * So each assistant message is a ranked sibling (with reactions) in exactly one conversation. Deleted messages and
 * what hangs below them are skipped. Timestamps come from {@code created_date}, else are synthesised from the
 * tree's position in the file and the message's depth. Event ids derive from message ids, so a re-import is all
 * duplicates. Ground truth: sibling {@code rank} (lower is better) → pairs.
 */
public final class OpenAssistantImporter {

    private static final Instant SYNTHETIC_START = Instant.parse("2023-01-01T00:00:00Z");
    private static final Map<String, String> REACTIONS = Map.ofEntries(
            Map.entry("+1", "THUMBS_UP"), Map.entry("thumbsup", "THUMBS_UP"),
            Map.entry("-1", "THUMBS_DOWN"), Map.entry("thumbsdown", "THUMBS_DOWN"),
            Map.entry("heart", "LOVE"), Map.entry("red_heart", "LOVE"), Map.entry("love", "LOVE"),
            Map.entry("laugh", "LAUGH"), Map.entry("laughing", "LAUGH"), Map.entry("joy", "LAUGH"),
            Map.entry("sad", "SAD"), Map.entry("cry", "SAD"), Map.entry("angry", "ANGRY"), Map.entry("rage", "ANGRY"));

    /** One message as read. */
    record Message(String id, String parentId, String role, String text, Integer rank, Map<String, Integer> emojis,
                   String userId, Instant createdAt, String treeId, int treeIndex, boolean deleted, boolean synthetic,
                   String modelName) {
    }

    private final ObjectMapper json = new ObjectMapper();

    public ImportedData read(Path file, String tenant) throws IOException {
        List<Message> messages = new ArrayList<>();
        Map<String, Integer> treeIndex = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            long line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonFields fields = new JsonFields(file, line);
                JsonNode node;
                try {
                    node = json.readTree(text);
                } catch (JsonProcessingException e) {
                    throw fields.invalid(null, null, "not valid JSON: " + e.getOriginalMessage());
                }
                if (!node.isObject()) {
                    throw fields.invalid(null, null, "each line must be a JSON object");
                }
                if (node.has("prompt")) {
                    String treeId = fields.optionalText(node, "message_tree_id");
                    JsonNode prompt = node.get("prompt");
                    String root = treeId != null ? treeId : fields.requiredText(prompt, "message_id");
                    flatten(prompt, null, root, treeIndex, fields, messages);
                } else {
                    flatten(node, fields.optionalText(node, "parent_id"), null, treeIndex, fields, messages);
                }
            }
        }
        return new OpenAssistantConversations(tenant, messages).build();
    }

    private void flatten(JsonNode node, String parentId, String treeId, Map<String, Integer> treeIndex,
                         JsonFields fields, List<Message> out) throws ImportFormatException {
        Message message = message(node, parentId, treeId, treeIndex, fields);
        out.add(message);
        String tree = message.treeId();
        JsonNode replies = node.get("replies");
        if (replies != null && !replies.isNull()) {
            if (!replies.isArray()) {
                throw fields.invalid("replies", replies.getNodeType(), "must be an array");
            }
            for (JsonNode reply : replies) {
                flatten(reply, message.id(), tree, treeIndex, fields, out);
            }
        }
    }

    private Message message(JsonNode node, String parentId, String treeId, Map<String, Integer> treeIndex,
                            JsonFields fields) throws ImportFormatException {
        String id = fields.requiredText(node, "message_id");
        String role = fields.requiredText(node, "role");
        if (!role.equals("prompter") && !role.equals("assistant")) {
            throw fields.invalid("role", role, "must be 'prompter' or 'assistant'");
        }
        String text = fields.requiredText(node, "text");
        String tree = treeId != null ? treeId : fields.optionalText(node, "message_tree_id");
        if (tree == null) {
            tree = parentId == null ? id : "unknown-tree";
        }
        int index = treeIndex.computeIfAbsent(tree, t -> treeIndex.size());
        Instant created = null;
        String createdText = fields.optionalText(node, "created_date");
        if (createdText != null) {
            try {
                created = OffsetDateTime.parse(createdText).toInstant();
            } catch (DateTimeParseException e) {
                throw fields.invalid("created_date", createdText, "not an ISO-8601 date-time with offset");
            }
        }
        return new Message(id, parentId, role, text, fields.optionalInt(node, "rank"), emojis(node, fields),
                fields.optionalText(node, "user_id"), created, tree, index, fields.flag(node, "deleted"),
                fields.flag(node, "synthetic"), fields.optionalText(node, "model_name"));
    }

    private static Map<String, Integer> emojis(JsonNode node, JsonFields fields) throws ImportFormatException {
        Map<String, Integer> emojis = new LinkedHashMap<>();
        JsonNode value = node.get("emojis");
        if (value == null || value.isNull() || value.isEmpty()) {
            return emojis;
        }
        if (value.isObject() && !value.has("name")) { // early exports: {"+1": 3, "_skip_reply": 1}
            for (var entry : (Iterable<Map.Entry<String, JsonNode>>) value::fields) {
                if (!entry.getValue().canConvertToInt() || entry.getValue().asInt() < 0) {
                    throw fields.invalid("emojis." + entry.getKey(), entry.getValue(), "must be a whole number >= 0");
                }
                emojis.merge(entry.getKey(), entry.getValue().asInt(), Integer::sum);
            }
            return emojis;
        }
        JsonNode names = value.path("name");
        JsonNode counts = value.path("count");
        if (!names.isArray() || !counts.isArray() || names.size() != counts.size()) {
            throw fields.invalid("emojis", value, "needs arrays 'name' and 'count' of the same length");
        }
        for (int i = 0; i < names.size(); i++) {
            if (!counts.get(i).canConvertToInt() || counts.get(i).asInt() < 0) {
                throw fields.invalid("emojis.count", counts.get(i), "must be a whole number >= 0");
            }
            emojis.merge(names.get(i).asText(), counts.get(i).asInt(), Integer::sum);
        }
        return emojis;
    }

    /** The contract's reaction for an emoji name, or null when it has none. */
    static String reaction(String emoji) {
        return REACTIONS.get(emoji);
    }

    /** Turns the messages of all trees into conversations. */
    private static final class OpenAssistantConversations {
        private final String tenant;
        private final Map<String, Message> byId = new LinkedHashMap<>();
        private final Map<String, List<Message>> children = new LinkedHashMap<>();
        private final ImportNotes notes = new ImportNotes();

        OpenAssistantConversations(String tenant, List<Message> messages) {
            this.tenant = tenant;
            for (Message m : messages) {
                byId.put(m.id(), m);
                children.computeIfAbsent(m.parentId(), k -> new ArrayList<>()).add(m);
            }
        }

        ImportedData build() {
            List<BatchSender.Unit> units = new ArrayList<>();
            List<GroundTruth.Line> truth = new ArrayList<>();
            for (Message m : byId.values()) {
                if (m.deleted()) {
                    notes.count("deleted messages skipped", 1);
                    continue;
                }
                List<Message> path = path(m);
                if (path == null) {
                    notes.count("messages below a deleted or missing message skipped", 1);
                    continue;
                }
                if (!m.role().equals("prompter")) {
                    continue;
                }
                List<Message> replies = live(m, "assistant");
                if (!replies.isEmpty()) {
                    notes.addIfSendable(units, conversation(path, replies, truth));
                }
            }
            return new ImportedData(units, truth, notes);
        }

        /** Root … m, or null if a message on the way is deleted or missing. */
        private List<Message> path(Message m) {
            List<Message> path = new ArrayList<>();
            for (Message at = m; at != null; at = at.parentId() == null ? null : byId.get(at.parentId())) {
                if (at.deleted() || (at.parentId() != null && !byId.containsKey(at.parentId()))) {
                    return null;
                }
                path.add(0, at);
            }
            return path;
        }

        private List<Message> live(Message parent, String role) {
            return children.getOrDefault(parent.id(), List.of()).stream()
                    .filter(c -> !c.deleted() && c.role().equals(role)).toList();
        }

        private BatchSender.Unit conversation(List<Message> path, List<Message> replies, List<GroundTruth.Line> truth) {
            Message prompt = path.get(path.size() - 1);
            String id = "oasst:" + prompt.id();
            Message root = path.get(0);
            List<ObjectNode> events = new ArrayList<>();
            ObjectNode started = EventFactory.started(id + ":start", id, time(root, 0, 0), user(prompt))
                    .put("app", "openassistant");
            started.set("attributes", EventFactory.object().put("source", "openassistant")
                    .put("tree", notes.shortText("tree ids", prompt.treeId(), Limits.ATTRIBUTE_VALUE_MAX))
                    .put("synthetic", Boolean.toString(prompt.synthetic())));
            events.add(started);
            String follows = null;
            for (int depth = 0; depth < path.size(); depth++) {
                Message m = path.get(depth);
                if (m.role().equals("prompter")) {
                    events.add(prompt(id, m, depth, follows));
                } else {
                    events.add(response(id, m, path.get(depth - 1).id(), depth, 0, "context"));
                    follows = m.id();
                }
            }
            for (int s = 0; s < replies.size(); s++) {
                Message reply = replies.get(s);
                events.add(response(id, reply, prompt.id(), path.size(), s,
                        reply.synthetic() ? "synthetic" : "human"));
                reactions(id, reply, path.size(), s, events);
            }
            for (Message reply : replies) {
                for (Message followUp : live(reply, "prompter")) {
                    events.add(prompt(id, followUp, path.size() + 1, reply.id()));
                }
            }
            if (!prompt.emojis().isEmpty()) {
                notes.count("emojis on prompter messages ignored", prompt.emojis().values().stream()
                        .mapToInt(Integer::intValue).sum());
            }
            rankPairs(id, prompt, replies, truth);
            return new BatchSender.Unit(tenant, id, events);
        }

        private ObjectNode prompt(String conversationId, Message m, int depth, String follows) {
            return EventFactory.prompt("oasst:" + m.id() + ":prompt", conversationId, time(m, depth, 0), m.id(),
                    notes.text(m.text()), follows);
        }

        private ObjectNode response(String conversationId, Message m, String turnId, int depth, int sibling,
                                    String variant) {
            String model = m.modelName() == null ? "openassistant"
                    : notes.shortText("model names", m.modelName(), Limits.SHORT_TEXT_MAX);
            return EventFactory.response("oasst:" + m.id() + ":response", conversationId, time(m, depth, sibling),
                    m.id(), turnId, notes.text(m.text()), model).put("variant", variant);
        }

        private void reactions(String conversationId, Message reply, int depth, int sibling, List<ObjectNode> events) {
            Instant at = time(reply, depth, sibling).plusSeconds(60);
            for (Map.Entry<String, Integer> emoji : reply.emojis().entrySet()) {
                String kind = reaction(emoji.getKey());
                if (kind == null) {
                    notes.count("emojis without a reaction kind ignored (" + emoji.getKey() + ")", emoji.getValue());
                    continue;
                }
                for (int r = 0; r < emoji.getValue(); r++) {
                    String emojiName = notes.shortText("emoji names", emoji.getKey(), Limits.SHORT_TEXT_MAX);
                    events.add(EventFactory.reaction("oasst:" + reply.id() + ":" + emojiName + ":" + r,
                            "ReactionAdded", conversationId, at.plusSeconds(r), reply.id(), "oasst-reviewer-" + r,
                            kind).put("emoji", emojiName));
                }
            }
        }

        private void rankPairs(String conversationId, Message prompt, List<Message> replies,
                               List<GroundTruth.Line> truth) {
            for (int i = 0; i < replies.size(); i++) {
                for (int j = i + 1; j < replies.size(); j++) {
                    Integer a = replies.get(i).rank();
                    Integer b = replies.get(j).rank();
                    if (a == null || b == null || a.equals(b)) {
                        continue;
                    }
                    Message better = a < b ? replies.get(i) : replies.get(j);
                    Message worse = better == replies.get(i) ? replies.get(j) : replies.get(i);
                    truth.add(new GroundTruth.PairTruth(tenant, conversationId,
                            new GroundTruth.ResponseRef(conversationId, better.id()),
                            new GroundTruth.ResponseRef(conversationId, worse.id()), prompt.text(),
                            Math.abs(a - b)));
                }
            }
        }

        private String user(Message prompt) {
            return prompt.userId() != null ? notes.shortText("user ids", prompt.userId(), Limits.USER_ID_MAX)
                    : "oasst-prompter:" + prompt.treeId();
        }

        /** created_date, else the tree's synthetic hour plus a minute per depth and a second per sibling. */
        private static Instant time(Message m, int depth, int sibling) {
            return m.createdAt() != null ? m.createdAt()
                    : SYNTHETIC_START.plusSeconds(m.treeIndex() * 3600L + depth * 60L + sibling);
        }
    }
}
