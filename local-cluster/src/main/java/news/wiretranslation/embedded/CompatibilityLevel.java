package news.wiretranslation.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import news.wiretranslation.registry.RegisteredSchema;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Confluent's compatibility levels and what each demands of a new version of a subject, decided with Avro's own
 * reader/writer rules ({@link SchemaCompatibility#checkReaderWriterCompatibility}).
 *
 * <p>BACKWARD: the new schema can read data written with the previous one (consumers upgrade first). FORWARD: the
 * previous schema can read data written with the new one (producers upgrade first). FULL: both. The
 * {@code _TRANSITIVE} variants compare with every earlier version instead of only the latest. NONE checks nothing.
 */
enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /** The level named {@code name} (any case, as Confluent accepts it), or empty when there is none. */
    static Optional<CompatibilityLevel> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Why {@code candidate} may not become the next version after {@code existing} (oldest first) under this level,
     * one line per problem naming the version it conflicts with; empty when it may.
     */
    List<String> problems(Schema candidate, List<RegisteredSchema> existing) {
        List<RegisteredSchema> compared = transitive || existing.isEmpty()
                ? existing
                : existing.subList(existing.size() - 1, existing.size());
        List<String> problems = new ArrayList<>();
        for (RegisteredSchema earlier : compared) {
            int version = earlier.version();
            if (newReadsOld) {
                collect(candidate, earlier.schema(), "the new schema cannot read version " + version + "'s data",
                        problems);
            }
            if (oldReadsNew) {
                collect(earlier.schema(), candidate, "version " + version + " cannot read the new schema's data",
                        problems);
            }
        }
        return problems;
    }

    private static void collect(Schema reader, Schema writer, String which, List<String> problems) {
        List<Incompatibility> found = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getResult().getIncompatibilities();
        for (Incompatibility incompatibility : found) {
            problems.add(which + ": " + incompatibility.getType() + " at " + incompatibility.getLocation() + ": "
                    + incompatibility.getMessage());
        }
    }
}
