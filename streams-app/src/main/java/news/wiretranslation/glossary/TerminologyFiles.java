package news.wiretranslation.glossary;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import news.wiretranslation.config.ConfigException;
import news.wiretranslation.config.Setting;

/**
 * Where the terminology comes from: the glossary directory ({@code GLOSSARY_DIR}) and the protected-terms file
 * ({@code PROTECTED_TERMS_FILE}). Each {@link #load()} reads them afresh, so that a reload sees edits.
 */
public record TerminologyFiles(Optional<Path> glossaryDir, Optional<Path> protectedTermsFile) {
    public static final TerminologyFiles NONE = new TerminologyFiles(Optional.empty(), Optional.empty());

    /**
     * Reads both.
     *
     * @throws ConfigException naming the setting, the file and each bad line
     */
    public Terminology load() {
        Map<LanguagePair, Glossary> glossaries = Map.of();
        if (glossaryDir.isPresent()) {
            try {
                glossaries = GlossaryFiles.loadDirectory(glossaryDir.get());
            } catch (InvalidTerminologyException e) {
                throw new ConfigException("Invalid glossary in " + Setting.GLOSSARY_DIR.env() + "=" + glossaryDir.get()
                        + ": " + e.getMessage(), e);
            }
        }
        ProtectedTerms terms = ProtectedTerms.NONE;
        if (protectedTermsFile.isPresent()) {
            try {
                terms = ProtectedTerms.load(protectedTermsFile.get());
            } catch (InvalidTerminologyException e) {
                throw new ConfigException("Invalid " + Setting.PROTECTED_TERMS_FILE.env() + ": " + e.getMessage(), e);
            }
        }
        return new Terminology(glossaries, terms);
    }

    public boolean isEmpty() {
        return glossaryDir.isEmpty() && protectedTermsFile.isEmpty();
    }
}
