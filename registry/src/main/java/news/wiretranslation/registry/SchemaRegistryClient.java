package news.wiretranslation.registry;

import java.util.Optional;
import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry REST API that the serdes need.
 *
 * <p>Implementations are thread-safe, because Kafka Streams may share one serde, and so one client, between stream
 * threads. They cache what never changes in a registry (the schema behind an id, the id of a schema under a subject)
 * so that the registry is asked once, not once per record. Failures are {@link SchemaRegistryException}s, which tell
 * whether trying again may help.
 */
public interface SchemaRegistryClient {

    /**
     * Registers {@code schema} under {@code subject} ({@code POST /subjects/{subject}/versions}) and returns its id.
     * Registering a schema the subject already has returns the existing id and adds no version.
     */
    int register(String subject, Schema schema);

    /**
     * Returns the id of {@code schema} if it is already registered under {@code subject}
     * ({@code POST /subjects/{subject}}). Never registers anything.
     *
     * @throws SchemaRegistryException with HTTP status 404 when the subject or the schema under it is unknown
     */
    int lookup(String subject, Schema schema);

    /**
     * Returns the schema registered with {@code id} ({@code GET /schemas/ids/{id}}).
     *
     * @throws SchemaRegistryException with HTTP status 404 and error code 40403 when no schema has that id
     * @throws NonAvroSchemaException when the id belongs to a schema that is not Avro
     */
    Schema schemaById(int id);

    /**
     * Returns the latest version registered under {@code subject} ({@code GET /subjects/{subject}/versions/latest}),
     * or empty when the subject has none. Not cached: its answer changes whenever someone registers a new version.
     */
    Optional<RegisteredSchema> latest(String subject);
}
