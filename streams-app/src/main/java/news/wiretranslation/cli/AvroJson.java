package news.wiretranslation.cli;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;

/**
 * An Avro record as plain JSON, field by field in schema order: what a person or {@code jq} expects, unlike Avro's
 * own JSON encoding, which wraps every union value in its type name ({@code {"string": "fr"}}). Timestamps become
 * ISO-8601 strings, bytes base64, enums their symbol, null union values null.
 */
final class AvroJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AvroJson() {
    }

    static ObjectNode toJson(IndexedRecord record) {
        return (ObjectNode) value(record, record.getSchema());
    }

    private static JsonNode value(Object datum, Schema schema) {
        if (datum == null) {
            return NODES.nullNode();
        }
        return switch (schema.getType()) {
            case RECORD -> record((IndexedRecord) datum, schema);
            case UNION -> value(datum, schema.getTypes().get(SpecificData.get().resolveUnion(schema, datum)));
            case ARRAY -> array((Collection<?>) datum, schema.getElementType());
            case MAP -> map((Map<?, ?>) datum, schema.getValueType());
            case BYTES -> NODES.textNode(base64((ByteBuffer) datum));
            case FIXED -> NODES.textNode(Base64.getEncoder().encodeToString(((GenericFixed) datum).bytes()));
            case INT -> NODES.numberNode(((Number) datum).intValue());
            case LONG -> datum instanceof Instant instant ? NODES.textNode(instant.toString())
                    : NODES.numberNode(((Number) datum).longValue());
            case FLOAT, DOUBLE -> NODES.numberNode(((Number) datum).doubleValue());
            case BOOLEAN -> NODES.booleanNode((Boolean) datum);
            case NULL -> NODES.nullNode();
            case STRING, ENUM -> NODES.textNode(datum.toString());
        };
    }

    private static ObjectNode record(IndexedRecord record, Schema schema) {
        ObjectNode node = NODES.objectNode();
        for (Schema.Field field : schema.getFields()) {
            node.set(field.name(), value(record.get(field.pos()), field.schema()));
        }
        return node;
    }

    private static ArrayNode array(Collection<?> items, Schema itemSchema) {
        ArrayNode node = NODES.arrayNode();
        items.forEach(item -> node.add(value(item, itemSchema)));
        return node;
    }

    private static ObjectNode map(Map<?, ?> entries, Schema valueSchema) {
        ObjectNode node = NODES.objectNode();
        entries.forEach((key, item) -> node.set(key.toString(), value(item, valueSchema)));
        return node;
    }

    private static String base64(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
