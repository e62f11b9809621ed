package news.wiretranslation.registry;

/**
 * The registry knows the schema id, but its schema is not an Avro schema this client can use (a Protobuf or JSON
 * schema, or text that does not parse as Avro).
 *
 * <p>A separate type because it says something about the <em>record</em> that carried the id, not about the
 * registry: a deserializer turns it into {@link WireFormatException.Reason#NOT_AVRO} and dead-letters the record
 * instead of stopping the stream.
 */
public class NonAvroSchemaException extends SchemaRegistryException {

    public NonAvroSchemaException(String message, int httpStatus, Throwable cause) {
        super(message, httpStatus, NO_ERROR_CODE, cause);
    }

    /** Never: asking again returns the same schema. */
    @Override
    public boolean isRetriable() {
        return false;
    }
}
