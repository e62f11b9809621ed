package news.wiretranslation.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaNormalization;

/**
 * What changed between two versions of a schema, and why Avro cannot resolve one to the other, in lines a person
 * reads in a CI log: {@code + field}, {@code - field}, {@code ~ field: int -> string}.
 */
final class SchemaChanges {

    private SchemaChanges() {
    }

    /** The two schemas write the same bytes (Avro's Parsing Canonical Form ignores docs and defaults). */
    static boolean sameEncoding(Schema a, Schema b) {
        return SchemaNormalization.parsingFingerprint64(a) == SchemaNormalization.parsingFingerprint64(b);
    }

    /**
     * The field-level differences from {@code before} to {@code after}, nested records included
     * ({@code translation.engineModel}); empty when the schemas have the same fields, types and defaults.
     */
    static List<String> fieldChanges(Schema before, Schema after) {
        List<String> lines = new ArrayList<>();
        compare("", before, after, lines);
        return lines;
    }

    private static void compare(String path, Schema before, Schema after, List<String> lines) {
        Schema recordBefore = recordIn(before);
        Schema recordAfter = recordIn(after);
        if (recordBefore != null && recordAfter != null
                && recordBefore.getFullName().equals(recordAfter.getFullName())
                && sameShapeApartFromRecord(before, after)) {
            compareFields(path, recordBefore, recordAfter, lines);
            return;
        }
        if (before.getType() == Schema.Type.ENUM && after.getType() == Schema.Type.ENUM
                && before.getFullName().equals(after.getFullName())) {
            Set<String> added = new LinkedHashSet<>(after.getEnumSymbols());
            added.removeAll(before.getEnumSymbols());
            Set<String> removed = new LinkedHashSet<>(before.getEnumSymbols());
            removed.removeAll(after.getEnumSymbols());
            if (!added.isEmpty() || !removed.isEmpty()) {
                lines.add("~ " + label(path) + ": enum " + after.getName() + " symbols"
                        + (added.isEmpty() ? "" : " added " + added) + (removed.isEmpty() ? "" : " removed " + removed)
                        + (after.getEnumDefault() == null ? " (no enum default)" : " (enum default "
                        + after.getEnumDefault() + ")"));
            }
            return;
        }
        if (!sameEncoding(before, after) || !Objects.equals(logicalType(before), logicalType(after))) {
            lines.add("~ " + label(path) + ": type " + describe(before) + " -> " + describe(after));
        }
    }

    private static void compareFields(String path, Schema before, Schema after, List<String> lines) {
        for (Schema.Field field : after.getFields()) {
            Schema.Field old = before.getField(field.name());
            String fieldPath = path.isEmpty() ? field.name() : path + "." + field.name();
            if (old == null) {
                lines.add("+ " + fieldPath + ": " + describe(field.schema())
                        + (field.hasDefaultValue() ? " = " + defaultText(field) : " (required: no default)"));
                continue;
            }
            compare(fieldPath, old.schema(), field.schema(), lines);
            if (old.hasDefaultValue() != field.hasDefaultValue()
                    || (old.hasDefaultValue() && !Objects.equals(old.defaultVal(), field.defaultVal()))) {
                lines.add("~ " + fieldPath + ": default " + (old.hasDefaultValue() ? defaultText(old) : "(none)")
                        + " -> " + (field.hasDefaultValue() ? defaultText(field) : "(none)"));
            }
        }
        for (Schema.Field old : before.getFields()) {
            if (after.getField(old.name()) == null) {
                String fieldPath = path.isEmpty() ? old.name() : path + "." + old.name();
                lines.add("- " + fieldPath + ": " + describe(old.schema())
                        + (old.hasDefaultValue() ? " (had default " + defaultText(old) + ")" : " (had no default)"));
            }
        }
    }

    /** The record a type is, or the one record branch of a union. */
    private static Schema recordIn(Schema schema) {
        if (schema.getType() == Schema.Type.RECORD) {
            return schema;
        }
        if (schema.getType() == Schema.Type.UNION) {
            List<Schema> records = schema.getTypes().stream().filter(t -> t.getType() == Schema.Type.RECORD).toList();
            return records.size() == 1 ? records.get(0) : null;
        }
        return null;
    }

    /** Both are the record itself, or unions with the same branches (by name) around it. */
    private static boolean sameShapeApartFromRecord(Schema before, Schema after) {
        if (before.getType() != after.getType()) {
            return false;
        }
        if (before.getType() != Schema.Type.UNION) {
            return true;
        }
        return before.getTypes().stream().map(Schema::getFullName).toList()
                .equals(after.getTypes().stream().map(Schema::getFullName).toList());
    }

    private static String logicalType(Schema schema) {
        return schema.getLogicalType() == null ? null : schema.getLogicalType().getName();
    }

    /** A short rendering of a type: {@code null | string}, {@code array<string>}, {@code long (timestamp-millis)}. */
    static String describe(Schema schema) {
        return switch (schema.getType()) {
            case UNION -> schema.getTypes().stream().map(SchemaChanges::describe).collect(Collectors.joining(" | "));
            case ARRAY -> "array<" + describe(schema.getElementType()) + ">";
            case MAP -> "map<" + describe(schema.getValueType()) + ">";
            case RECORD -> "record " + schema.getName();
            case ENUM -> "enum " + schema.getName();
            case FIXED -> "fixed " + schema.getName() + "(" + schema.getFixedSize() + ")";
            default -> schema.getType().getName()
                    + (schema.getLogicalType() == null ? "" : " (" + schema.getLogicalType().getName() + ")");
        };
    }

    private static String defaultText(Schema.Field field) {
        Object value = field.defaultVal();
        if (value == null || value == org.apache.avro.JsonProperties.NULL_VALUE) {
            return "null";
        }
        return value instanceof CharSequence ? "\"" + value + "\"" : String.valueOf(value);
    }

    private static String label(String path) {
        return path.isEmpty() ? "(the record itself)" : path;
    }

    /**
     * Why a reader on {@code reader} cannot read what was written with {@code writer}, one line per problem;
     * empty when it can.
     *
     * @param readerLabel e.g. {@code the new schema}
     * @param writerLabel e.g. {@code version 3}
     */
    static List<String> whyUnreadable(Schema reader, String readerLabel, Schema writer, String writerLabel) {
        SchemaCompatibility.SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (Incompatibility problem : result.getResult().getIncompatibilities()) {
            lines.add(explain(problem, readerLabel, writerLabel) + " [" + problem.getType() + " at "
                    + problem.getLocation() + "]");
        }
        return lines;
    }

    private static String explain(Incompatibility problem, String readerLabel, String writerLabel) {
        String detail = problem.getMessage();
        return switch (problem.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE -> readerLabel + " cannot read records written with " + writerLabel
                    + ": field '" + detail + "' has no default, and " + writerLabel + " does not write it";
            case TYPE_MISMATCH -> readerLabel + " cannot read records written with " + writerLabel + ": "
                    + describe(problem.getReaderFragment()) + " in " + readerLabel + " cannot read "
                    + describe(problem.getWriterFragment()) + " in " + writerLabel;
            case MISSING_ENUM_SYMBOLS -> readerLabel + " cannot read records written with " + writerLabel
                    + ": enum symbols " + detail + " are unknown to " + readerLabel + ", which has no enum default";
            case MISSING_UNION_BRANCH -> readerLabel + " cannot read records written with " + writerLabel
                    + ": no union branch in " + readerLabel + " for " + detail;
            case NAME_MISMATCH -> readerLabel + " cannot read records written with " + writerLabel
                    + ": the names differ (" + detail + ")";
            case FIXED_SIZE_MISMATCH -> readerLabel + " cannot read records written with " + writerLabel
                    + ": fixed sizes differ (" + detail + ")";
            default -> readerLabel + " cannot read records written with " + writerLabel + ": "
                    + problem.getType().name().toLowerCase(Locale.ROOT) + " " + detail;
        };
    }
}
