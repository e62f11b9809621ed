package news.wiretranslation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.RawArticle;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AvroSerializerSchemaIdTest {

    private static final String SCOPE = "schema-id-test";
    private static final String TOPIC = "articles.raw";

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(SCOPE);
    }

    private static int idIn(byte[] bytes) {
        return ByteBuffer.wrap(bytes, 1, 4).getInt();
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSubjectFailsNamingTheSubject() {
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>(RawArticle.class);
        serializer.configure(Map.of("schema.registry.url", "mock://" + SCOPE, "auto.register.schemas", "false"), false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, SampleRecords.rawArticle("a-1")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'articles.raw-value'")
                .hasMessageContaining("not registered")
                .hasMessageContaining("auto.register.schemas=false");
        assertThat(MockSchemaRegistry.forScope(SCOPE).subjects()).isEmpty();
    }

    @Test
    void withoutAutoRegisterTheIdOfTheRegisteredSchemaIsUsed() {
        MockSchemaRegistry registry = MockSchemaRegistry.forScope(SCOPE);
        registry.register("elsewhere-value", Article.getClassSchema());
        int id = registry.register(TOPIC + "-value", RawArticle.getClassSchema());
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>(RawArticle.class);
        serializer.configure(Map.of("schema.registry.url", "mock://" + SCOPE, "auto.register.schemas", false), false);

        assertThat(idIn(serializer.serialize(TOPIC, SampleRecords.rawArticle("a-1")))).isEqualTo(id);
    }

    @Test
    void useLatestVersionWritesWithTheLatestIdWhenItIsTheSameSchema() {
        MockSchemaRegistry registry = new MockSchemaRegistry();
        registry.register(TOPIC + "-value", Article.getClassSchema());
        int latestId = registry.register(TOPIC + "-value", RawArticle.getClassSchema());
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>(RawArticle.class, registry, false, true);

        assertThat(idIn(serializer.serialize(TOPIC, SampleRecords.rawArticle("a-1")))).isEqualTo(latestId);
    }

    @Test
    void useLatestVersionRefusesALatestVersionThatIsAnotherSchema() {
        MockSchemaRegistry registry = new MockSchemaRegistry();
        registry.register(TOPIC + "-value", Article.getClassSchema());
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>(RawArticle.class, registry, false, true);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, SampleRecords.rawArticle("a-1")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("use.latest.version=true")
                .hasMessageContaining("'articles.raw-value'");
    }

    @Test
    void useLatestVersionWithAnEmptySubjectFailsNamingTheSubject() {
        AvroSerializer<RawArticle> serializer =
                new AvroSerializer<>(RawArticle.class, new MockSchemaRegistry(), false, true);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, SampleRecords.rawArticle("a-1")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'articles.raw-value' has no registered schema");
    }

    @Test
    void configuredSettingsOverrideTheFlagsOfASerializerWiredInCode() {
        AvroSerializer<RawArticle> serializer =
                new AvroSerializer<>(RawArticle.class, new MockSchemaRegistry(), true, false);
        serializer.configure(Map.of("auto.register.schemas", "false"), false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, SampleRecords.rawArticle("a-1")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not registered");
    }

    @Test
    void registryIsCalledOncePerTopicNotPerRecord() {
        CountingRegistry registry = new CountingRegistry(new MockSchemaRegistry());
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>(RawArticle.class, registry, true, false);

        for (int i = 0; i < 50; i++) {
            serializer.serialize(TOPIC, SampleRecords.rawArticle("a-" + i));
            serializer.serialize("articles.raw.replay", SampleRecords.rawArticle("b-" + i));
        }

        assertThat(registry.calls).hasValue(2);
    }

    @Test
    void unreachableRegistryPropagatesAsRetriableRegistryError() {
        SchemaRegistryClient down = new CountingRegistry(null) {
            @Override
            public int register(String subject, Schema schema) {
                throw new SchemaRegistryException("down", SchemaRegistryException.NO_HTTP_STATUS,
                        SchemaRegistryException.NO_ERROR_CODE, null);
            }
        };
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>(RawArticle.class, down, true, false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, SampleRecords.rawArticle("a-1")))
                .isExactlyInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void recordMissingARequiredFieldFailsAsSerializationError() {
        RawArticle incomplete = SampleRecords.rawArticle("a-1");
        incomplete.setHeadline(null);
        AvroSerializer<RawArticle> serializer =
                new AvroSerializer<>(RawArticle.class, new MockSchemaRegistry(), true, false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, incomplete))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'articles.raw-value'");
    }

    @Test
    void unconfiguredSerializerSaysHowToConfigureIt() {
        AvroSerializer<RawArticle> serializer = new AvroSerializer<>(RawArticle.class);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, SampleRecords.rawArticle("a-1")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("configure");
    }

    /** Counts registry calls made through it. */
    private static class CountingRegistry implements SchemaRegistryClient {
        final AtomicInteger calls = new AtomicInteger();
        private final SchemaRegistryClient delegate;

        CountingRegistry(SchemaRegistryClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public int register(String subject, Schema schema) {
            calls.incrementAndGet();
            return delegate.register(subject, schema);
        }

        @Override
        public int lookup(String subject, Schema schema) {
            calls.incrementAndGet();
            return delegate.lookup(subject, schema);
        }

        @Override
        public Schema schemaById(int id) {
            calls.incrementAndGet();
            return delegate.schemaById(id);
        }

        @Override
        public Optional<RegisteredSchema> latest(String subject) {
            calls.incrementAndGet();
            return delegate.latest(subject);
        }
    }
}
