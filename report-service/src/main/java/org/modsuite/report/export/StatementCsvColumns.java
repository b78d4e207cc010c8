package org.modsuite.report.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The columns of the Transparency Database's daily statement dumps (DSA-SPEC §7.2), in their fixed order, and the
 * mapping of one statement of reasons to the cells of a row by the rules of §7.3. A statement is a map with the
 * snake_case keys of the TDB JSON ({@code decision_visibility}, {@code puid}, {@code created_at}, ...), so this
 * class depends on no entity.
 *
 * <p>Cells: array fields as JSON array text ({@code []} when empty or absent); the five submitted dates as
 * {@code YYYY-MM-DD 00:00:00}; {@code created_at} as {@code YYYY-MM-DD HH:MM:SS} in UTC; free text with each line
 * break replaced by a space and {@code \"} by {@code "}; {@code platform_uid} holds the statement's {@code puid};
 * {@code automated_detection} and {@code incompatible_content_illegal} are {@code Yes}/{@code No}; enum keys as they
 * are. Absent values are empty cells.
 */
public final class StatementCsvColumns {

    /** The 38 columns of the full version. */
    public static final List<String> FULL = List.of(
            "uuid", "decision_visibility", "decision_visibility_other", "end_date_visibility_restriction",
            "decision_monetary", "decision_monetary_other", "end_date_monetary_restriction", "decision_provision",
            "end_date_service_restriction", "decision_account", "end_date_account_restriction", "account_type",
            "decision_ground", "decision_ground_reference_url", "illegal_content_legal_ground",
            "illegal_content_explanation", "incompatible_content_ground", "incompatible_content_explanation",
            "incompatible_content_illegal", "category", "category_addition", "category_specification",
            "category_specification_other", "content_type", "content_type_other", "content_language", "content_date",
            "content_id_ean", "territorial_scope", "application_date", "decision_facts", "source_type",
            "source_identity", "automated_detection", "automated_decision", "platform_name", "platform_uid",
            "created_at");

    /** The 34 columns of the light version: the full ones less the two explanations, territorial scope and facts. */
    public static final List<String> LIGHT = FULL.stream()
            .filter(c -> !Set.of("illegal_content_explanation", "incompatible_content_explanation",
                    "territorial_scope", "decision_facts").contains(c))
            .toList();

    /** The two versions of a dump. */
    public enum Version {
        FULL, LIGHT;

        public List<String> columns() {
            return this == FULL ? StatementCsvColumns.FULL : StatementCsvColumns.LIGHT;
        }
    }

    private static final Set<String> ARRAYS = Set.of(
            "decision_visibility", "category_addition", "category_specification", "content_type", "territorial_scope");
    private static final Set<String> DATES = Set.of(
            "end_date_visibility_restriction", "end_date_monetary_restriction", "end_date_service_restriction",
            "end_date_account_restriction", "content_date", "application_date");
    private static final Set<String> YES_NO = Set.of("automated_detection", "incompatible_content_illegal");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern LINE_BREAKS = Pattern.compile("\r\n|\r|\n|\u2028|\u2029");

    private StatementCsvColumns() {
    }

    /** The 38 cells of the full version. */
    public static List<Object> fullRow(Map<String, ?> statement) {
        return row(statement, Version.FULL);
    }

    /** The cells of {@code statement} for the columns of {@code version}, in order. */
    public static List<Object> row(Map<String, ?> statement, Version version) {
        List<String> columns = version.columns();
        List<Object> cells = new ArrayList<>(columns.size());
        for (String column : columns) {
            cells.add(cell(column, statement));
        }
        return cells;
    }

    /** The cell of one column. */
    public static String cell(String column, Map<String, ?> statement) {
        Object value = switch (column) {
            case "platform_uid" -> statement.containsKey("puid") ? statement.get("puid") : statement.get("platform_uid");
            case "content_id_ean" -> contentIdEan(statement);
            default -> statement.get(column);
        };
        if (ARRAYS.contains(column)) {
            return arrayText(value);
        }
        if (value == null) {
            return null;
        }
        if (DATES.contains(column)) {
            return midnight(value);
        }
        if (column.equals("created_at")) {
            return timestamp(value);
        }
        if (YES_NO.contains(column) && value instanceof Boolean b) {
            return b ? "Yes" : "No";
        }
        return freeText(CellValues.text(value));
    }

    private static Object contentIdEan(Map<String, ?> statement) {
        Object ean = statement.get("content_id_ean");
        if (ean == null && statement.get("content_id") instanceof Map<?, ?> contentId) {
            ean = contentId.get("EAN-13");
        }
        return ean;
    }

    /** JSON array text; a string that already is one (as stored) is kept. */
    static String arrayText(Object value) {
        if (value == null) {
            return "[]";
        }
        if (value instanceof String s) {
            String trimmed = s.trim();
            return trimmed.isEmpty() ? "[]" : trimmed.startsWith("[") ? trimmed : CellValues.jsonText(List.of(trimmed));
        }
        if (CellValues.isArrayLike(value)) {
            return CellValues.jsonText(value);
        }
        return CellValues.jsonText(List.of(CellValues.text(value)));
    }

    /** A submitted date as the TDB stores it: at midnight. */
    static String midnight(Object value) {
        LocalDate date;
        if (value instanceof LocalDate d) {
            date = d;
        } else if (value instanceof LocalDateTime t) {
            date = t.toLocalDate();
        } else if (value instanceof OffsetDateTime t) {
            date = t.toLocalDate();
        } else if (value instanceof ZonedDateTime t) {
            date = t.toLocalDate();
        } else if (value instanceof Instant i) {
            date = LocalDate.ofInstant(i, ZoneOffset.UTC);
        } else {
            String s = value.toString().trim();
            if (s.length() < 10) {
                return s;
            }
            date = LocalDate.parse(s.substring(0, 10));
        }
        return date + " 00:00:00";
    }

    /** {@code created_at}: the time of receipt, UTC, to the second. */
    static String timestamp(Object value) {
        LocalDateTime time;
        if (value instanceof Instant i) {
            time = LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        } else if (value instanceof OffsetDateTime t) {
            time = t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } else if (value instanceof ZonedDateTime t) {
            time = t.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } else if (value instanceof LocalDateTime t) {
            time = t;
        } else if (value instanceof LocalDate d) {
            time = d.atStartOfDay();
        } else {
            return freeText(value.toString());
        }
        return TIMESTAMP.format(time);
    }

    /** Line breaks become one space each; escaped quotes are unescaped. */
    static String freeText(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = text;
        if (cleaned.indexOf('\n') >= 0 || cleaned.indexOf('\r') >= 0 || cleaned.indexOf('\u2028') >= 0
                || cleaned.indexOf('\u2029') >= 0) {
            cleaned = LINE_BREAKS.matcher(cleaned).replaceAll(" ");
        }
        if (cleaned.contains("\\\"")) {
            cleaned = cleaned.replace("\\\"", "\"");
        }
        return cleaned;
    }
}
