package news.wiretranslation.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;

/**
 * A schema as the registry should hold it: without the properties the Avro Java compiler adds to generated classes
 * ({@code "avro.java.string": "String"} on every string type, from {@code stringType=String}).
 *
 * <p>They change nothing in the encoding, but a registry compares schema texts: with them, the service's schema would
 * not match the same schema registered from the {@code .avsc} file (by {@code wire-translation schemas register}, a
 * CI pipeline or a producer in another language), so a look-up with {@code auto.register.schemas=false} would fail
 * and auto-registration would add a needless version. Registering the file's form keeps one version per change.
 */
public final class PortableSchema {

    /** The properties removed: Java-only hints of the code generator. */
    static final String JAVA_STRING_PROPERTY = "avro.java.string";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PortableSchema() {
    }

    /** {@code schema} without Java-only properties; the same instance when it has none. */
    public static Schema of(Schema schema) {
        String text = schema.toString();
        if (!text.contains("\"" + JAVA_STRING_PROPERTY + "\"")) {
            return schema;
        }
        try {
            JsonNode tree = JSON.readTree(text);
            strip(tree);
            return new Schema.Parser().parse(JSON.writeValueAsString(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(JAVA_STRING_PROPERTY);
            // A string type left as {"type":"string"} is fine: Avro prints it as "string".
        }
        node.forEach(PortableSchema::strip);
    }
}
