package news.wiretranslation.ninjs;

import java.util.Map;
import java.util.Optional;

import news.wiretranslation.avro.Translation;

/**
 * The IPTC digital source type of a translation, as ninjs' {@code digitalsourcetype} ({@code digitalSourceType})
 * object wants it: a complete URI of IPTC's vocabulary and, for the terms a translation may carry, IPTC's name. The
 * term itself is the Article's ({@code translation.digitalSourceType}, trainedAlgorithmicMedia for every engine;
 * why that term is in docs/records.md).
 */
final class DigitalSourceTypes {
    /** The IPTC digital source type vocabulary that short codes belong to. */
    static final String VOCABULARY = "http://cv.iptc.org/newscodes/digitalsourcetype/";
    static final String TRAINED_ALGORITHMIC_MEDIA = VOCABULARY + "trainedAlgorithmicMedia";

    /**
     * IPTC's English names of the terms a machine translation, or one an editor corrected, may be labelled with.
     * Another term is written with its URI alone (the name is optional in both schemas).
     */
    private static final Map<String, String> NAMES = Map.of(
            TRAINED_ALGORITHMIC_MEDIA, "Trained algorithmic media",
            VOCABULARY + "humanEdits", "Human-edited media");

    private DigitalSourceTypes() {
    }

    /** The translation's digital source type as a URI; a bare code becomes a URI of IPTC's vocabulary. */
    static String uri(Translation translation) {
        String type = translation == null ? "" : translation.getDigitalSourceType().strip();
        if (type.isEmpty()) {
            return TRAINED_ALGORITHMIC_MEDIA;
        }
        return type.contains(":") ? type : VOCABULARY + type;
    }

    /** IPTC's name of the term, when it is one of those above. */
    static Optional<String> name(String uri) {
        return Optional.ofNullable(NAMES.get(uri));
    }
}
