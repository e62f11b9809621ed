package news.wiretranslation.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;

/**
 * An in-memory Schema Registry for tests and the demo, selected by {@code schema.registry.url=mock://<scope>}.
 *
 * <p>As in Confluent's convention, every serde in one JVM configured with the same scope shares one instance (a
 * serializer and the deserializer reading its output must agree on ids), and different scopes are independent.
 * Ids start at 1 and belong to a schema's canonical form: registering the same schema under another subject gives
 * the same id. The canonical form is Avro's full JSON ({@link Schema#toString()}), which keeps defaults and docs, so
 * schemas that differ only there get different ids, as in Confluent's registry. There is no compatibility checking.
 *
 * <p>Failures mimic the REST API's: a {@link SchemaRegistryException} with HTTP status 404 and Confluent's error code.
 */
public final class MockSchemaRegistry implements SchemaRegistryClient {

    private static final ConcurrentMap<String, MockSchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final String name;
    private final Map<String, Integer> idsByCanonicalForm = new HashMap<>();
    private final List<Schema> schemasById = new ArrayList<>();
    private final Map<String, List<Integer>> idsBySubjectVersion = new HashMap<>();

    /** A registry of its own, shared with nobody: for tests that wire serdes by hand. */
    public MockSchemaRegistry() {
        this("mock registry");
    }

    private MockSchemaRegistry(String name) {
        this.name = name;
    }

    /** The registry shared by everything in this JVM configured with {@code mock://<scope>}. */
    public static MockSchemaRegistry forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new MockSchemaRegistry("mock://" + s));
    }

    /** Forgets the scope's registry, so that the next {@link #forScope} starts empty: for test isolation. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = idsByCanonicalForm.computeIfAbsent(schema.toString(), form -> {
            schemasById.add(schema);
            return schemasById.size();
        });
        List<Integer> versions = idsBySubjectVersion.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    @Override
    public synchronized int lookup(String subject, Schema schema) {
        RegistryCall call = RegistryCall.post("/subjects/" + subject, "subject '" + subject + "'", null);
        List<Integer> versions = idsBySubjectVersion.get(subject);
        if (versions == null) {
            throw notFound(call, SchemaRegistryException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
        }
        Integer id = idsByCanonicalForm.get(schema.toString());
        if (id == null || !versions.contains(id)) {
            throw notFound(call, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema not found");
        }
        return id;
    }

    @Override
    public synchronized Schema schemaById(int id) {
        if (id < 1 || id > schemasById.size()) {
            RegistryCall call = RegistryCall.get("/schemas/ids/" + id, "schema id " + id);
            throw notFound(call, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
        }
        return schemasById.get(id - 1);
    }

    @Override
    public synchronized Optional<RegisteredSchema> latest(String subject) {
        List<Integer> versions = idsBySubjectVersion.get(subject);
        if (versions == null || versions.isEmpty()) {
            return Optional.empty();
        }
        int id = versions.get(versions.size() - 1);
        return Optional.of(new RegisteredSchema(subject, id, versions.size(), schemasById.get(id - 1)));
    }

    /**
     * Every version registered under {@code subject}, oldest first (version {@code n} at index {@code n - 1}), or an
     * empty list for an unknown subject. The serdes never need this; a server answering Confluent's version
     * endpoints in front of this registry does.
     */
    public synchronized List<RegisteredSchema> versions(String subject) {
        List<Integer> ids = idsBySubjectVersion.getOrDefault(subject, List.of());
        List<RegisteredSchema> versions = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            int id = ids.get(i);
            versions.add(new RegisteredSchema(subject, id, i + 1, schemasById.get(id - 1)));
        }
        return List.copyOf(versions);
    }

    /** The subjects registered so far, sorted: lets tests check what a serde registered. */
    public synchronized Set<String> subjects() {
        return new TreeSet<>(idsBySubjectVersion.keySet());
    }

    @Override
    public String toString() {
        return "MockSchemaRegistry[" + name + "]";
    }

    private SchemaRegistryException notFound(RegistryCall call, int errorCode, String message) {
        return SchemaRegistryException.httpError(call, 404, errorCode, message + " (" + name + ")");
    }
}
