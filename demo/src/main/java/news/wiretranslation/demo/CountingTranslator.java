package news.wiretranslation.demo;

import java.util.concurrent.atomic.AtomicLong;

import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.ForwardingTranslator;
import news.wiretranslation.translate.Translator;

/** Counts what the demo sends to the engine, for its closing summary. */
final class CountingTranslator implements ForwardingTranslator {
    private final Translator delegate;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong characters = new AtomicLong();
    private final AtomicLong billed = new AtomicLong();

    CountingTranslator(Translator delegate) {
        this.delegate = delegate;
    }

    @Override
    public Translator delegate() {
        return delegate;
    }

    @Override
    public TranslationResult translate(TranslationRequest request) throws TranslationException {
        requests.incrementAndGet();
        characters.addAndGet(request.characters());
        TranslationResult result = delegate.translate(request);
        billed.addAndGet(result.billedCharacters());
        return result;
    }

    long requests() {
        return requests.get();
    }

    long charactersSent() {
        return characters.get();
    }

    long charactersBilled() {
        return billed.get();
    }
}
