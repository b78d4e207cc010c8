package org.modsuite.report.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.Map;

/** The one place that decides how a Java value looks in a cell, shared by the three writers. */
final class CellValues {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private CellValues() {
    }

    /** The text of a value in CSV and in XLSX string cells; {@code null} stays {@code null} (an empty cell). */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number n) {
            return numberText(n);
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof TemporalAccessor t) {
            return temporalText(t);
        }
        if (isArrayLike(value) || value instanceof Map<?, ?>) {
            return jsonText(value);
        }
        return value.toString();
    }

    /** Numbers without exponent notation, as a spreadsheet or a CSV reader expects them. */
    static String numberText(Number n) {
        if (n instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Double.toString(d);
            }
            String plain = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            return plain;
        }
        return n.toString();
    }

    /** ISO-8601: instants and offset/zoned times in UTC ({@code Z}), dates as {@code YYYY-MM-DD}. */
    static String temporalText(TemporalAccessor t) {
        if (t instanceof Instant i) {
            return i.toString();
        }
        if (t instanceof OffsetDateTime o) {
            return o.toInstant().toString();
        }
        if (t instanceof ZonedDateTime z) {
            return z.toInstant().toString();
        }
        if (t instanceof LocalDate d) {
            return d.toString();
        }
        return t.toString();
    }

    static boolean isArrayLike(Object value) {
        return value instanceof Collection<?> || value.getClass().isArray();
    }

    /** A collection, array or map as compact JSON text, e.g. {@code ["A","B"]}. */
    static String jsonText(Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(text)) {
            writeJson(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Writes a value as JSON: numbers as numbers, times as ISO text, collections and maps nested. */
    static void writeJson(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String s) {
            generator.writeString(s);
        } else if (value instanceof Boolean b) {
            generator.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            generator.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigDecimal d) {
            generator.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            generator.writeNumber(i);
        } else if (value instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                generator.writeNull();
            } else {
                generator.writeNumber(d);
            }
        } else if (value instanceof Enum<?> e) {
            generator.writeString(e.name());
        } else if (value instanceof TemporalAccessor t) {
            generator.writeString(temporalText(t));
        } else if (value instanceof Collection<?> c) {
            generator.writeStartArray();
            for (Object element : c) {
                writeJson(generator, element);
            }
            generator.writeEndArray();
        } else if (value.getClass().isArray()) {
            generator.writeStartArray();
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                writeJson(generator, Array.get(value, i));
            }
            generator.writeEndArray();
        } else if (value instanceof Map<?, ?> m) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : m.entrySet()) {
                generator.writeFieldName(String.valueOf(entry.getKey()));
                writeJson(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else {
            generator.writeString(value.toString());
        }
    }

    static void checkWidth(int columns, java.util.List<?> values) {
        if (values.size() != columns) {
            throw new IllegalArgumentException("row has " + values.size() + " values, the header " + columns + " columns");
        }
    }
}
