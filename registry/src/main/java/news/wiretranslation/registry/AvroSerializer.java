package news.wiretranslation.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated Avro records in the Confluent wire format, with the schema id from the registry under the
 * subject {@code <topic>-value} (or {@code <topic>-key}).
 *
 * <p>The id is resolved once per subject and cached, so the registry is called once per topic, not per record. A
 * registry that cannot be reached surfaces as a retriable {@link SchemaRegistryException}; everything else that
 * prevents writing (a schema the registry refuses or does not have, a record that does not fit its schema) is a
 * {@link SerializationException} naming the subject. The schema registered and looked up is the class's schema
 * without the code generator's Java-only properties ({@link PortableSchema}), i.e. the {@code .avsc} file's form, so
 * that schemas registered ahead of deployment from the files are found. Thread-safe.
 *
 * @param <T> the generated record class
 */
public class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    /** What {@link #configure} settled: replaced as a whole, so threads never see half of it. */
    private record Wiring(SchemaRegistryClient client, AvroSerdeConfig settings, boolean isKey) {
    }

    private final Class<T> type;
    private final Schema schema;
    /** What is registered and looked up: the schema without the code generator's Java-only properties. */
    private final Schema registrySchema;
    private final SpecificDatumWriter<T> writer;
    private final SchemaRegistryClient injectedClient;
    private final ConcurrentMap<String, Integer> idsBySubject = new ConcurrentHashMap<>();
    private volatile Wiring wiring;

    /** A serializer that builds its registry client from the settings given to {@link #configure}. */
    public AvroSerializer(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
        SpecificData model = SpecificData.getForClass(type);
        this.schema = model.getSchema(type);
        this.registrySchema = PortableSchema.of(schema);
        this.writer = new SpecificDatumWriter<>(schema, model);
        this.injectedClient = null;
    }

    /**
     * A value serializer ready to use, on the given client. {@link #configure} may still be called (to make it a key
     * serializer, or to change a flag named in its settings); it keeps this client.
     */
    public AvroSerializer(Class<T> type, SchemaRegistryClient client, boolean autoRegister, boolean useLatestVersion) {
        this.type = Objects.requireNonNull(type, "type");
        SpecificData model = SpecificData.getForClass(type);
        this.schema = model.getSchema(type);
        this.registrySchema = PortableSchema.of(schema);
        this.writer = new SpecificDatumWriter<>(schema, model);
        this.injectedClient = Objects.requireNonNull(client, "client");
        this.wiring = new Wiring(client, new AvroSerdeConfig(autoRegister, useLatestVersion), false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        configure(configs, isKey, injectedClient != null ? injectedClient : SchemaRegistryClients.create(configs));
    }

    /** Lets {@link AvroSerde} give its serializer and deserializer one client. */
    void configure(Map<String, ?> configs, boolean isKey, SchemaRegistryClient client) {
        AvroSerdeConfig fallback = wiring != null ? wiring.settings() : AvroSerdeConfig.DEFAULTS;
        wiring = new Wiring(client, AvroSerdeConfig.from(configs, fallback), isKey);
        idsBySubject.clear();
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        Wiring current = wiring();
        String subject = TopicNameStrategy.subjectName(topic, current.isKey());
        int schemaId = schemaId(subject, current);
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        ConfluentWireFormat.writeHeader(out, schemaId);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.write(data, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot serialize " + type.getSimpleName() + " for subject '" + subject
                    + "': the record does not fit its schema: " + e, e);
        }
        return out.toByteArray();
    }

    private Wiring wiring() {
        Wiring current = wiring;
        if (current == null) {
            throw new IllegalStateException("AvroSerializer for " + type.getSimpleName()
                    + " is not configured: call configure(...) or construct it with a SchemaRegistryClient");
        }
        return current;
    }

    private int schemaId(String subject, Wiring current) {
        Integer cached = idsBySubject.get(subject);
        if (cached != null) {
            return cached;
        }
        // Not computeIfAbsent: that would hold a map lock during a network call. A race costs one extra lookup.
        int id = resolveSchemaId(subject, current);
        idsBySubject.put(subject, id);
        return id;
    }

    private int resolveSchemaId(String subject, Wiring current) {
        SchemaRegistryClient client = current.client();
        AvroSerdeConfig settings = current.settings();
        try {
            if (settings.autoRegisterSchemas()) {
                return client.register(subject, registrySchema);
            }
            if (settings.useLatestVersion()) {
                return latestIdIfSameSchema(subject, client);
            }
            return lookup(subject, client);
        } catch (SchemaRegistryException e) {
            if (e.isRetriable()) {
                throw e;
            }
            throw new SerializationException(refusal(subject, settings, e), e);
        }
    }

    /** The id of the file form; failing that, of the generated class's form, which other serializers register. */
    private int lookup(String subject, SchemaRegistryClient client) {
        try {
            return client.lookup(subject, registrySchema);
        } catch (SchemaRegistryException e) {
            boolean schemaNotFound = e.httpStatus() == 404 && e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND;
            if (!schemaNotFound || registrySchema == schema) {
                throw e;
            }
            return client.lookup(subject, schema);
        }
    }

    private int latestIdIfSameSchema(String subject, SchemaRegistryClient client) {
        RegisteredSchema latest = client.latest(subject).orElseThrow(() -> new SerializationException(
                "Cannot serialize " + type.getSimpleName() + ": subject '" + subject + "' has no registered schema, and "
                        + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG + "=false: register it first"));
        // Parsing Canonical Form ignores docs, defaults and the like: equal forms mean byte-identical encodings.
        if (SchemaNormalization.parsingFingerprint64(latest.schema()) != SchemaNormalization.parsingFingerprint64(schema)) {
            throw new SerializationException("Cannot serialize " + type.getSimpleName() + " with "
                    + AvroSerdeConfig.USE_LATEST_VERSION_CONFIG + "=true: the latest version of subject '" + subject
                    + "' (version " + latest.version() + ", id " + latest.id() + ") is not this class's schema, and"
                    + " this serializer writes with the latest version only when it is the same schema");
        }
        return latest.id();
    }

    private String refusal(String subject, AvroSerdeConfig settings, SchemaRegistryException e) {
        String what = "Cannot serialize " + type.getSimpleName() + " for subject '" + subject + "': ";
        if (settings.autoRegisterSchemas()) {
            return what + "the registry refused to register its schema: " + e.getMessage();
        }
        if (e.httpStatus() == 404) {
            return what + "its schema is not registered under subject '" + subject + "', and "
                    + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS_CONFIG + "=false: register it first. " + e.getMessage();
        }
        return what + e.getMessage();
    }
}
