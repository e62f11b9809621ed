package news.wiretranslation.ninjs;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The IPTC ninjs versions {@link NinjsWriter} writes. They carry the same information; 2.x names properties in lower
 * case ({@code versioncreated}, {@code altids}), 3.x in camelCase ({@code versionCreated}, {@code altIds}).
 */
public enum NinjsVersion {
    /** ninjs 2.2: lower-case property names. The default of {@code tail --format ninjs}. */
    V2_2("2.2", "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json#"),
    /** ninjs 3.1: camelCase property names. */
    V3_1("3.1", "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#");

    private final String number;
    private final String schemaUri;

    NinjsVersion(String number, String schemaUri) {
        this.number = number;
        this.schemaUri = schemaUri;
    }

    /** The version as ninjs writes it, e.g. {@code 2.2}: the item's {@code standard.version}. */
    public String number() {
        return number;
    }

    /** The {@code $id} of the version's JSON schema: the item's {@code standard.schema}. */
    public String schemaUri() {
        return schemaUri;
    }

    /**
     * The version named by {@code 2.2} or {@code 3.1} (also {@code V2_2}, {@code v3.1}, {@code 3_1}).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static NinjsVersion parse(String name) {
        String plain = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('_', '.');
        if (plain.startsWith("v")) {
            plain = plain.substring(1);
        }
        for (NinjsVersion version : values()) {
            if (version.number.equals(plain)) {
                return version;
            }
        }
        throw new IllegalArgumentException("unknown ninjs version '" + name + "': expected one of " + names());
    }

    /** The version numbers, for messages: {@code 2.2, 3.1}. */
    public static String names() {
        return Arrays.stream(values()).map(NinjsVersion::number).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return number;
    }
}
