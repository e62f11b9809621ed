package news.wiretranslation.registry;

import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format Avro into a generated class: the writer schema comes from the registry by the id in
 * the record, the reader schema is the class's own, and Avro resolves one to the other, so records written with an
 * older or newer compatible schema still read.
 *
 * <p>A record that cannot be read throws {@link WireFormatException} with a {@link WireFormatException.Reason}, for
 * the pipeline to dead-letter. Registry trouble that is not about the record (unreachable, 5xx, wrong credentials)
 * propagates as {@link SchemaRegistryException}, so that the stream retries or stops instead of dead-lettering good
 * records. Thread-safe.
 *
 * @param <T> the generated record class
 */
public class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final Class<T> type;
    private final Schema readerSchema;
    private final SpecificData model;
    private final SchemaRegistryClient injectedClient;
    private final BoundedCache<Integer, WriterSchemaDecoder<T>> decodersById =
            new BoundedCache<>(RestSchemaRegistryClient.CACHE_CAPACITY);
    private volatile SchemaRegistryClient client;
    private volatile boolean isKey;

    /** A deserializer that builds its registry client from the settings given to {@link #configure}. */
    public AvroDeserializer(Class<T> type) {
        this(type, null);
    }

    /** A value deserializer ready to use, on the given client; {@link #configure} keeps this client. */
    public AvroDeserializer(Class<T> type, SchemaRegistryClient client) {
        this.type = Objects.requireNonNull(type, "type");
        this.model = SpecificData.getForClass(type);
        this.readerSchema = model.getSchema(type);
        this.injectedClient = client;
        this.client = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        configure(isKey, injectedClient != null ? injectedClient : SchemaRegistryClients.create(configs));
    }

    /** Lets {@link AvroSerde} give its serializer and deserializer one client. */
    void configure(boolean isKey, SchemaRegistryClient client) {
        this.isKey = isKey;
        this.client = client;
        decodersById.clear();
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        String what = (isKey ? "key" : "value") + " of topic '" + topic + "' as " + type.getSimpleName();
        int schemaId = ConfluentWireFormat.schemaId(data, what);
        return decoderFor(schemaId, what).decode(data, ConfluentWireFormat.HEADER_SIZE, what);
    }

    private WriterSchemaDecoder<T> decoderFor(int schemaId, String what) {
        WriterSchemaDecoder<T> cached = decodersById.get(schemaId);
        if (cached != null) {
            return cached;
        }
        WriterSchemaDecoder<T> decoder = new WriterSchemaDecoder<>(schemaId, writerSchema(schemaId, what), readerSchema, model);
        decodersById.put(schemaId, decoder);
        return decoder;
    }

    private Schema writerSchema(int schemaId, String what) {
        SchemaRegistryClient registry = client;
        if (registry == null) {
            throw new IllegalStateException("AvroDeserializer for " + type.getSimpleName()
                    + " is not configured: call configure(...) or construct it with a SchemaRegistryClient");
        }
        try {
            return registry.schemaById(schemaId);
        } catch (NonAvroSchemaException e) {
            throw new WireFormatException(WireFormatException.Reason.NOT_AVRO, "Cannot read " + what + ": schema id "
                    + schemaId + " is not an Avro schema: " + e.getMessage(), e);
        } catch (SchemaRegistryException e) {
            // Only the registry's own "schema not found" is about the record; any other 404 (a wrong URL path behind
            // a proxy, say) would dead-letter every record.
            if (e.httpStatus() == 404 && e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND) {
                throw new WireFormatException(WireFormatException.Reason.UNKNOWN_SCHEMA_ID, "Cannot read " + what
                        + ": schema id " + schemaId + " is not known to the schema registry (" + e.getMessage() + ")", e);
            }
            throw e;
        }
    }
}
