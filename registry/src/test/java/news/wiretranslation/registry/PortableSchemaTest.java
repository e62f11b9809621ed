package news.wiretranslation.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/** The serializer registers the .avsc file's form of a schema, so that schemas registered from the files are found. */
class PortableSchemaTest {

    private static Schema file(String name) throws IOException {
        return new Schema.Parser().parse(Path.of("..", "schemas", "src", "main", "avro", name).toFile());
    }

    @Test
    void portableFormOfEachGeneratedClassIsExactlyItsAvscFile() throws IOException {
        for (Schema generated : List.of(RawArticle.getClassSchema(), Article.getClassSchema(), DeadLetter.getClassSchema())) {
            Schema portable = PortableSchema.of(generated);
            Schema avsc = file(generated.getName() + ".avsc");

            assertThat(generated.toString()).contains("avro.java.string");
            assertThat(portable.toString()).isEqualTo(avsc.toString()).doesNotContain("avro.java.string");
            assertThat(SchemaNormalization.parsingFingerprint64(portable))
                    .isEqualTo(SchemaNormalization.parsingFingerprint64(generated));
        }
    }

    @Test
    void schemaWithoutJavaPropertiesIsReturnedAsItIs() throws IOException {
        Schema avsc = file("DeadLetter.avsc");

        assertThat(PortableSchema.of(avsc)).isSameAs(avsc);
    }

    @Test
    void serializerWithoutAutoRegistrationFindsTheSchemaRegisteredFromTheFile() throws IOException {
        MockSchemaRegistry registry = new MockSchemaRegistry();
        int id = registry.register("articles.dlq-value", file("DeadLetter.avsc"));
        AvroSerializer<DeadLetter> serializer = new AvroSerializer<>(DeadLetter.class, registry, false, false);

        byte[] bytes = serializer.serialize("articles.dlq", SampleRecords.deadLetter());

        assertThat(java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    }

    @Test
    void autoRegistrationAddsNoVersionToASubjectRegisteredFromTheFile() throws IOException {
        MockSchemaRegistry registry = new MockSchemaRegistry();
        int id = registry.register("articles.raw-value", file("RawArticle.avsc"));
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>(RawArticle.class, registry, true, false);

        byte[] bytes = serializer.serialize("articles.raw", SampleRecords.rawArticle("a-1"));

        assertThat(java.nio.ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        assertThat(registry.latest("articles.raw-value").orElseThrow().version()).isEqualTo(1);
    }
}
