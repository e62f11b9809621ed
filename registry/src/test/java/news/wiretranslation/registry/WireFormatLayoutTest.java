package news.wiretranslation.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.RawArticle;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

class WireFormatLayoutTest {

    @Test
    void firstByteIsMagicZeroAndNextFourAreTheRegistryIdBigEndian() throws IOException {
        MockSchemaRegistry registry = new MockSchemaRegistry();
        // Take id 1 with another schema, so that the id under test is not a lucky default.
        registry.register("other-value", Article.getClassSchema());
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>(RawArticle.class, registry, true, false);
        RawArticle article = SampleRecords.rawArticle("a-1");

        byte[] bytes = serializer.serialize("articles.raw", article);

        int registeredId = registry.lookup("articles.raw-value", PortableSchema.of(RawArticle.getClassSchema()));
        assertThat(registeredId).isEqualTo(2);
        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registeredId);
        assertThat(Arrays.copyOfRange(bytes, 1, 5)).containsExactly(0, 0, 0, 2);
        // The rest is the plain Avro binary body, readable without this package.
        RawArticle body = new SpecificDatumReader<>(RawArticle.class)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        assertThat(body).isEqualTo(article);
    }

    @Test
    void largeIdsUseAllFourBytesBigEndian() {
        SchemaRegistryClient registry = new FixedIdRegistry(0x01020304);
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>(RawArticle.class, registry, true, false);

        byte[] bytes = serializer.serialize("articles.raw", SampleRecords.rawArticle("a-1"));

        assertThat(Arrays.copyOfRange(bytes, 0, 5)).containsExactly(0, 1, 2, 3, 4);
    }

    /** Answers every registration with one id. */
    private record FixedIdRegistry(int id) implements SchemaRegistryClient {
        @Override
        public int register(String subject, org.apache.avro.Schema schema) {
            return id;
        }

        @Override
        public int lookup(String subject, org.apache.avro.Schema schema) {
            return id;
        }

        @Override
        public org.apache.avro.Schema schemaById(int id) {
            return RawArticle.getClassSchema();
        }

        @Override
        public java.util.Optional<RegisteredSchema> latest(String subject) {
            return java.util.Optional.empty();
        }
    }
}
