package news.wiretranslation.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class MockSchemaRegistryTest {

    private final MockSchemaRegistry registry = new MockSchemaRegistry();

    @Test
    void idsStartAtOneInRegistrationOrder() {
        assertThat(registry.register("a-value", RawArticle.getClassSchema())).isEqualTo(1);
        assertThat(registry.register("b-value", Article.getClassSchema())).isEqualTo(2);
        assertThat(registry.schemaById(2)).isEqualTo(Article.getClassSchema());
    }

    @Test
    void sameSchemaHasOneIdAcrossSubjectsAndRegistrations() {
        int first = registry.register("a-value", RawArticle.getClassSchema());
        int again = registry.register("a-value", RawArticle.getClassSchema());
        int elsewhere = registry.register("b-value", new Schema.Parser().parse(RawArticle.getClassSchema().toString()));

        assertThat(again).isEqualTo(first);
        assertThat(elsewhere).isEqualTo(first);
        assertThat(registry.latest("a-value").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void newSchemaUnderASubjectBecomesItsLatestVersion() {
        registry.register("a-value", RawArticle.getClassSchema());
        int id = registry.register("a-value", DeadLetter.getClassSchema());

        assertThat(registry.latest("a-value")).contains(new RegisteredSchema("a-value", id, 2, DeadLetter.getClassSchema()));
        assertThat(registry.latest("nobody-value")).isEmpty();
    }

    @Test
    void lookupFailsWithConfluentsNotFoundCodes() {
        registry.register("a-value", RawArticle.getClassSchema());

        SchemaRegistryException noSubject = catchThrowableOfType(SchemaRegistryException.class,
                () -> registry.lookup("b-value", RawArticle.getClassSchema()));
        SchemaRegistryException noSchema = catchThrowableOfType(SchemaRegistryException.class,
                () -> registry.lookup("a-value", Article.getClassSchema()));

        assertThat(noSubject.httpStatus()).isEqualTo(404);
        assertThat(noSubject.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
        assertThat(noSubject.getMessage()).contains("'b-value'");
        assertThat(noSchema.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
        assertThat(noSchema.getMessage()).contains("'a-value'");
    }

    @Test
    void unknownIdFailsWithSchemaNotFound() {
        SchemaRegistryException failure = catchThrowableOfType(SchemaRegistryException.class,
                () -> registry.schemaById(7));

        assertThat(failure.httpStatus()).isEqualTo(404);
        assertThat(failure.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
        assertThat(failure.getMessage()).contains("schema id 7");
    }

    @Test
    void schemasDifferingOnlyInADefaultGetDifferentIds() {
        Schema withoutDefault = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"n\",\"type\":\"int\"}]}");
        Schema withDefault = new Schema.Parser().parse(
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"n\",\"type\":\"int\",\"default\":1}]}");

        assertThat(registry.register("r-value", withDefault)).isNotEqualTo(registry.register("r-value", withoutDefault));
    }
}
