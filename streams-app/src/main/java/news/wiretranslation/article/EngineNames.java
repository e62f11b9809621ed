package news.wiretranslation.article;

/**
 * How readers see a translation engine's name. Labels carry the engine as a code ({@code deepl}); the disclaimer
 * under the text and the ninjs export name it the way its maker spells it, and must agree with each other.
 */
public final class EngineNames {
    private EngineNames() {
    }

    /** {@code DeepL} for {@code deepl}, {@code Apertium} for {@code apertium}; another engine's code as it is. */
    public static String displayName(String engine) {
        return switch (engine) {
            case "deepl" -> "DeepL";
            case "apertium" -> "Apertium";
            default -> engine;
        };
    }
}
