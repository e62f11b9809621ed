package news.wiretranslation.cli;

import java.nio.ByteBuffer;
import java.util.Map;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.registry.AvroDeserializer;
import news.wiretranslation.registry.SchemaRegistryClient;
import news.wiretranslation.registry.SchemaRegistryClients;
import org.apache.avro.specific.SpecificRecord;

/**
 * Decodes a record value written by wire-translation or a producer of its raw topic, whichever of its three record
 * types it is. The type is the writer schema's name, looked up in the registry by the id in the record's
 * Confluent header, so {@code tail --topic} works on any of the service's topics without being told what it holds.
 */
final class RecordDecoder {
    private final SchemaRegistryClient registry;
    private final Map<String, AvroDeserializer<? extends SpecificRecord>> byWriterSchema;

    RecordDecoder(Map<String, ?> serdeConfigs) {
        this.registry = SchemaRegistryClients.create(serdeConfigs);
        this.byWriterSchema = Map.of(
                Article.getClassSchema().getFullName(), new AvroDeserializer<>(Article.class, registry),
                DeadLetter.getClassSchema().getFullName(), new AvroDeserializer<>(DeadLetter.class, registry),
                RawArticle.getClassSchema().getFullName(), new AvroDeserializer<>(RawArticle.class, registry));
    }

    /**
     * @return the record, or null for a tombstone
     * @throws IllegalArgumentException when the value is not Confluent-framed Avro of one of the three types
     * @throws RuntimeException         from the registry or the deserializer, naming the problem
     */
    SpecificRecord decode(String topic, byte[] value) {
        if (value == null) {
            return null;
        }
        // Confluent wire format: magic byte 0, then the schema id as a 4-byte big-endian int, then Avro binary.
        if (value.length < 5 || value[0] != 0) {
            throw new IllegalArgumentException("not Confluent-framed Avro (" + value.length + " bytes)");
        }
        int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
        String writer = registry.schemaById(schemaId).getFullName();
        AvroDeserializer<? extends SpecificRecord> deserializer = byWriterSchema.get(writer);
        if (deserializer == null) {
            throw new IllegalArgumentException("schema id " + schemaId + " is " + writer
                    + ", not a record type of wire-translation");
        }
        return deserializer.deserialize(topic, value);
    }
}
