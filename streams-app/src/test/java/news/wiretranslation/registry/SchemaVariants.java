package news.wiretranslation.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.apache.avro.Schema;

/**
 * Test-local variants of the project's schemas (an older or a newer version), made by editing the schema's JSON, so
 * that evolution tests need no second set of .avsc files. Paths name nested record fields with dots:
 * {@code translation.engineModel} is the field of the record inside the union of field {@code translation}.
 */
final class SchemaVariants {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root;

    private SchemaVariants(Schema schema) {
        try {
            this.root = (ObjectNode) JSON.readTree(PortableSchema.of(schema).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SchemaVariants of(Schema schema) {
        return new SchemaVariants(schema);
    }

    /** Drops a field. */
    SchemaVariants without(String path) {
        ArrayNode fields = fieldsOf(parentPath(path));
        String name = lastName(path);
        for (Iterator<JsonNode> it = fields.elements(); it.hasNext(); ) {
            if (it.next().path("name").asText().equals(name)) {
                it.remove();
                return this;
            }
        }
        throw new IllegalArgumentException("no field " + path);
    }

    /** Appends a field, given as its JSON, e.g. {@code {"name":"x","type":"int"}}, to the record at {@code recordPath}. */
    SchemaVariants with(String recordPath, String fieldJson) {
        try {
            fieldsOf(recordPath).add(JSON.readTree(fieldJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Replaces a field's type with the given JSON type, e.g. {@code "string"}. */
    SchemaVariants retyped(String path, String typeJson) {
        try {
            field(path).set("type", JSON.readTree(typeJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Adds a symbol to the enum that is the type of the field at {@code path}. */
    SchemaVariants withEnumSymbol(String path, String symbol) {
        ((ArrayNode) field(path).get("type").get("symbols")).add(symbol);
        return this;
    }

    Schema schema() {
        return new Schema.Parser().parse(root.toString());
    }

    String json() {
        return root.toPrettyString();
    }

    private ObjectNode field(String path) {
        String name = lastName(path);
        for (JsonNode field : fieldsOf(parentPath(path))) {
            if (field.path("name").asText().equals(name)) {
                return (ObjectNode) field;
            }
        }
        throw new IllegalArgumentException("no field " + path);
    }

    private ArrayNode fieldsOf(String recordPath) {
        JsonNode record = root;
        if (!recordPath.isEmpty()) {
            for (String name : recordPath.split("\\.")) {
                record = recordIn(fieldNamed(record, name).get("type"));
            }
        }
        return (ArrayNode) record.get("fields");
    }

    private static JsonNode fieldNamed(JsonNode record, String name) {
        for (JsonNode field : record.get("fields")) {
            if (field.path("name").asText().equals(name)) {
                return field;
            }
        }
        throw new IllegalArgumentException("no field " + name);
    }

    private static JsonNode recordIn(JsonNode type) {
        if (type.isObject() && type.path("type").asText().equals("record")) {
            return type;
        }
        if (type.isArray()) {
            for (JsonNode branch : type) {
                if (branch.isObject() && branch.path("type").asText().equals("record")) {
                    return branch;
                }
            }
        }
        throw new IllegalArgumentException("not a record: " + type);
    }

    private static String parentPath(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    private static String lastName(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
