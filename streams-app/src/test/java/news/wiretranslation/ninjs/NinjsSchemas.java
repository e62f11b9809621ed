package news.wiretranslation.ninjs;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * IPTC's ninjs JSON schemas, loaded from the test class path (copies under {@code src/test/resources/ninjs/}) by
 * their {@code $id}, so that {@link NinjsVersion#schemaUri()} is checked against the real files too. Nothing is
 * fetched: the only external reference, 3.1's GeoJSON for {@code places}, maps to a local stand-in that rejects
 * every value. Formats ({@code uri}, {@code date-time}) are asserted, not just annotated.
 */
public final class NinjsSchemas {
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemaIdResolvers(ids -> ids
                            .mapPrefix("http://www.iptc.org/std/ninjs/", "classpath:ninjs/")
                            .mapPrefix("https://geojson.org/schema/", "classpath:ninjs/geojson/")));
    private static final Map<NinjsVersion, Schema> SCHEMAS = new EnumMap<>(NinjsVersion.class);

    private NinjsSchemas() {
    }

    /** Every validation message for the item against the version's schema; empty when it is valid. */
    public static synchronized List<String> validate(JsonNode item, NinjsVersion version) {
        Schema schema = SCHEMAS.computeIfAbsent(version, v -> REGISTRY.getSchema(SchemaLocation.of(v.schemaUri())));
        return schema.validate(item).stream().map(Error::toString).toList();
    }
}
