package org.modsuite.report.export;

import java.util.Locale;
import java.util.Optional;

/** The tabular export formats, with what an HTTP response needs to announce them. */
public enum ExportFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    JSON("application/json", "json"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The file extension without the dot, e.g. {@code csv}. */
    public String extension() {
        return extension;
    }

    /** {@code name} plus this format's extension, e.g. {@code statements.xlsx}. */
    public String fileName(String name) {
        return name + "." + extension;
    }

    /** The format named {@code csv}, {@code json} or {@code xlsx} (any case), or empty: the caller answers 400. */
    public static Optional<ExportFormat> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (ExportFormat format : values()) {
            if (format.extension.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
