package news.wiretranslation.registry;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link AvroSerializer} and {@link AvroDeserializer} for one generated class, as Kafka Streams wants them.
 *
 * <p>Configured from settings ({@code new AvroSerde<>(RawArticle.class)} then {@link #configure}), both halves share
 * one registry client and so one cache. Thread-safe.
 *
 * @param <T> the generated record class
 */
public class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;
    private final SchemaRegistryClient injectedClient;

    /** A serde that builds its registry client from the settings given to {@link #configure}. */
    public AvroSerde(Class<T> type) {
        this.serializer = new AvroSerializer<>(type);
        this.deserializer = new AvroDeserializer<>(type);
        this.injectedClient = null;
    }

    /**
     * A value serde ready to use, on the given client: for tests and for wiring in code. {@link #configure} may still
     * be called (to make it a key serde, or to change a flag named in its settings); it keeps this client.
     */
    public AvroSerde(Class<T> type, SchemaRegistryClient client, boolean autoRegister, boolean useLatestVersion) {
        this.serializer = new AvroSerializer<>(type, client, autoRegister, useLatestVersion);
        this.deserializer = new AvroDeserializer<>(type, client);
        this.injectedClient = client;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        SchemaRegistryClient client = injectedClient != null ? injectedClient : SchemaRegistryClients.create(configs);
        serializer.configure(configs, isKey, client);
        deserializer.configure(isKey, client);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
