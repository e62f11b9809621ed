package news.wiretranslation.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import news.wiretranslation.registry.RegisteredSchema;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityLevelTest {

    /** V1 without its only field: readers of V1 find no value and no default for {@code id}. */
    private static final Schema EMPTY = TestSchemas.record("");

    private static List<RegisteredSchema> history(Schema... schemas) {
        return java.util.stream.IntStream.range(0, schemas.length)
                .mapToObj(i -> new RegisteredSchema("s", i + 1, i + 1, schemas[i]))
                .toList();
    }

    @Test
    void theFirstVersionIsAlwaysAccepted() {
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            assertThat(level.problems(TestSchemas.V2_REQUIRED_FIELD, List.of())).as(level.name()).isEmpty();
        }
    }

    @Test
    void backwardRefusesANewRequiredFieldButForwardAcceptsIt() {
        List<RegisteredSchema> existing = history(TestSchemas.V1);

        assertThat(CompatibilityLevel.BACKWARD.problems(TestSchemas.V2_REQUIRED_FIELD, existing))
                .singleElement().asString()
                .contains("the new schema cannot read version 1's data", "READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(CompatibilityLevel.FORWARD.problems(TestSchemas.V2_REQUIRED_FIELD, existing)).isEmpty();
        assertThat(CompatibilityLevel.FULL.problems(TestSchemas.V2_REQUIRED_FIELD, existing)).hasSize(1);
        assertThat(CompatibilityLevel.NONE.problems(TestSchemas.V2_REQUIRED_FIELD, existing)).isEmpty();
    }

    @Test
    void forwardRefusesRemovingAFieldWithoutDefaultButBackwardAcceptsIt() {
        List<RegisteredSchema> existing = history(TestSchemas.V1);

        assertThat(CompatibilityLevel.FORWARD.problems(EMPTY, existing))
                .singleElement().asString().contains("version 1 cannot read the new schema's data");
        assertThat(CompatibilityLevel.BACKWARD.problems(EMPTY, existing)).isEmpty();
        assertThat(CompatibilityLevel.FULL.problems(EMPTY, existing)).hasSize(1);
    }

    @Test
    void anOptionalFieldIsFullyCompatible() {
        List<RegisteredSchema> existing = history(TestSchemas.V1);

        assertThat(CompatibilityLevel.FULL_TRANSITIVE.problems(TestSchemas.V2_OPTIONAL_FIELD, existing)).isEmpty();
    }

    @Test
    void transitiveLevelsCompareWithEveryEarlierVersionOthersWithTheLatestOnly() {
        // The new schema reads the latest (which has headline) but not version 1 (which has not).
        List<RegisteredSchema> existing = history(TestSchemas.V1, TestSchemas.V2_REQUIRED_FIELD);
        Schema v3 = TestSchemas.record("{\"name\": \"id\", \"type\": \"string\"},"
                + "{\"name\": \"headline\", \"type\": \"string\"},"
                + "{\"name\": \"lang\", \"type\": \"string\", \"default\": \"und\"}");

        assertThat(CompatibilityLevel.BACKWARD.problems(v3, existing)).isEmpty();
        assertThat(CompatibilityLevel.BACKWARD_TRANSITIVE.problems(v3, existing))
                .singleElement().asString().contains("version 1");
    }

    @Test
    void levelsAreNamedInAnyCase() {
        assertThat(CompatibilityLevel.named("full_transitive")).contains(CompatibilityLevel.FULL_TRANSITIVE);
        assertThat(CompatibilityLevel.named(" Backward ")).contains(CompatibilityLevel.BACKWARD);
        assertThat(CompatibilityLevel.named("SIDEWAYS")).isEmpty();
        assertThat(CompatibilityLevel.named(null)).isEmpty();
    }
}
