package news.wiretranslation.registry;

import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A record whose bytes cannot be read as an Avro record in the Confluent wire format.
 *
 * <p>It concerns the record only, never the registry's health, so the pipeline dead-letters the record under
 * {@link #reason()} (the same codes as {@code DeadLetter.reason}) and goes on. A registry that cannot be reached is a
 * retriable {@link SchemaRegistryException} instead, so that good records are retried rather than dead-lettered.
 */
public class WireFormatException extends SerializationException {

    /** Why the record could not be read. */
    public enum Reason {
        /** Fewer than 5 bytes, or bytes whose schema id names something that is not an Avro schema. */
        NOT_AVRO,
        /** The first byte is not the wire format's magic byte 0. */
        BAD_MAGIC_BYTE,
        /** The registry does not know the schema id in bytes 1-4. */
        UNKNOWN_SCHEMA_ID,
        /**
         * The body does not decode against its writer schema, has bytes left over after the record, or its writer
         * schema cannot be resolved to the reader's schema.
         */
        MALFORMED_AVRO
    }

    private final Reason reason;

    public WireFormatException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public WireFormatException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
