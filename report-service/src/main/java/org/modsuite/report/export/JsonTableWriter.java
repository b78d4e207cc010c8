package org.modsuite.report.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * JSON in UTF-8: an array with one object per row, keyed by column name, or {@code {"<root>":[...]}} when a root name
 * is given. Streamed with Jackson's {@link JsonGenerator}; numbers and booleans keep their JSON types, collections are
 * arrays, and {@code null} is {@code null}.
 */
public final class JsonTableWriter implements TableWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final JsonGenerator generator;
    private final String rootName;
    private List<String> columns;
    private long rows;

    public JsonTableWriter(OutputStream out, String rootName) throws IOException {
        this.generator = FACTORY.createGenerator(out);
        this.rootName = rootName;
    }

    @Override
    public void header(List<String> columns) throws IOException {
        if (this.columns != null) {
            throw new IllegalStateException("header already written");
        }
        this.columns = List.copyOf(columns);
        if (rootName != null) {
            generator.writeStartObject();
            generator.writeFieldName(rootName);
        }
        generator.writeStartArray();
    }

    @Override
    public void row(List<?> values) throws IOException {
        if (columns == null) {
            throw new IllegalStateException("header first");
        }
        CellValues.checkWidth(columns.size(), values);
        generator.writeStartObject();
        for (int i = 0; i < values.size(); i++) {
            generator.writeFieldName(columns.get(i));
            CellValues.writeJson(generator, values.get(i));
        }
        generator.writeEndObject();
        rows++;
    }

    @Override
    public long rowCount() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        if (columns == null) {
            header(List.of());
        }
        generator.writeEndArray();
        if (rootName != null) {
            generator.writeEndObject();
        }
        generator.close();
    }
}
