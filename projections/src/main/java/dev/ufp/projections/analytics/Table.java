package dev.ufp.projections.analytics;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An answer as rows of named columns, rendered as JSON ({@code {...meta, "rows": [...]}}) or as CSV. */
record Table(Map<String, Object> meta, List<String> columns, List<Map<String, Object>> rows) {

    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    ResponseEntity<?> render(String accept) {
        if (accept != null && accept.contains("text/csv")) {
            return ResponseEntity.ok().contentType(new MediaType(CSV, java.nio.charset.StandardCharsets.UTF_8))
                    .body(csv());
        }
        Map<String, Object> body = new LinkedHashMap<>(meta);
        body.put("rows", rows);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    String csv() {
        StringBuilder out = new StringBuilder(String.join(",", columns)).append("\r\n");
        for (Map<String, Object> row : rows) {
            out.append(columns.stream().map(c -> cell(row.get(c))).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.matches("(?s).*[\",\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
