package news.wiretranslation.embedded;

import org.apache.avro.Schema;

/** Small versions of one record, for registering, looking up and evolving. */
final class TestSchemas {

    /** {@code {id: string}}. */
    static final Schema V1 = record("{\"name\": \"id\", \"type\": \"string\"}");
    /** V1 plus {@code lang: string = "und"}: compatible both ways with V1. */
    static final Schema V2_OPTIONAL_FIELD = record("{\"name\": \"id\", \"type\": \"string\"},"
            + "{\"name\": \"lang\", \"type\": \"string\", \"default\": \"und\"}");
    /** V1 plus {@code headline: string} without default: cannot read data written with V1. */
    static final Schema V2_REQUIRED_FIELD = record("{\"name\": \"id\", \"type\": \"string\"},"
            + "{\"name\": \"headline\", \"type\": \"string\"}");

    private TestSchemas() {
    }

    static Schema record(String fieldsJson) {
        return new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"Story\", \"namespace\": \"test\","
                + " \"fields\": [" + fieldsJson + "]}");
    }
}
