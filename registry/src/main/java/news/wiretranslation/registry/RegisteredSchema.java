package news.wiretranslation.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One version of a subject as the registry holds it.
 *
 * @param subject the subject, e.g. {@code articles.raw-value}
 * @param id      the registry-wide schema id, the one written into the wire format
 * @param version the version number within the subject, from 1
 * @param schema  the Avro schema
 */
public record RegisteredSchema(String subject, int id, int version, Schema schema) {

    public RegisteredSchema {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
    }
}
