package news.wiretranslation.translate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * An in-memory engine for unit tests of the topology: "translates" by prefixing each text with the target
 * code, refuses configured source languages as DeepL would with a 400, and records every request.
 * Integration tests use the real DeepL client against an HTTP stand-in instead.
 */
public final class FakeTranslator implements Translator {
    private final Set<String> refusedSources;
    private final List<TranslationRequest> requests = Collections.synchronizedList(new ArrayList<>());

    public FakeTranslator(Set<String> refusedSources) {
        this.refusedSources = Set.copyOf(refusedSources);
    }

    public FakeTranslator() {
        this(Set.of());
    }

    @Override
    public String engine() {
        return "fake";
    }

    /** Bills every character of the request, as DeepL does (so its billed figure is compared with what was sent). */
    @Override
    public boolean billsCharacters() {
        return true;
    }

    @Override
    public TranslationResult translate(TranslationRequest request) throws TranslationException {
        requests.add(request);
        if (refusedSources.contains(request.sourceLanguage())) {
            throw new TranslationException(TranslationException.Kind.REJECTED,
                    "Value for 'source_lang' not supported: " + request.sourceLanguage());
        }
        List<String> texts = request.texts().stream().map(t -> "[" + request.targetLanguage() + "] " + t).toList();
        return new TranslationResult(texts, engine(), "fake-model", request.sourceLanguage(), request.characters());
    }

    public List<TranslationRequest> requests() {
        return List.copyOf(requests);
    }
}
