package news.wiretranslation.glossary;

import java.util.Map;
import java.util.Optional;

/**
 * The newsroom's terminology at one moment: glossaries by language pair and protected terms. Immutable; a reload
 * makes a new one.
 */
public record Terminology(Map<LanguagePair, Glossary> glossaries, ProtectedTerms protectedTerms) {
    public static final Terminology NONE = new Terminology(Map.of(), ProtectedTerms.NONE);

    public Terminology {
        glossaries = Map.copyOf(glossaries);
    }

    /** The glossary for a translation from {@code sourceLanguage} into the DeepL target {@code targetCode}. */
    public Optional<Glossary> glossary(String sourceLanguage, String targetCode) {
        return Optional.ofNullable(glossaries.get(LanguagePair.of(sourceLanguage, targetCode)));
    }

    public boolean isEmpty() {
        return glossaries.isEmpty() && protectedTerms.isEmpty();
    }
}
