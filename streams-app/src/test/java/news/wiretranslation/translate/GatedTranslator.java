package news.wiretranslation.translate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link FakeTranslator} that holds every request containing a text that {@code held} matches until
 * {@link #release()}: to make one article's translation finish after a later one's.
 */
public final class GatedTranslator implements Translator {
    private final FakeTranslator delegate;
    private final Predicate<String> held;
    private final CountDownLatch gate = new CountDownLatch(1);
    private final List<TranslationRequest> requests = Collections.synchronizedList(new ArrayList<>());

    public GatedTranslator(FakeTranslator delegate, Predicate<String> held) {
        this.delegate = delegate;
        this.held = held;
    }

    @Override
    public String engine() {
        return delegate.engine();
    }

    @Override
    public TranslationResult translate(TranslationRequest request) throws TranslationException {
        requests.add(request);
        if (request.texts().stream().anyMatch(held)) {
            try {
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new TranslationException(TranslationException.Kind.UNAVAILABLE, "gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TranslationException(TranslationException.Kind.UNAVAILABLE, "interrupted");
            }
        }
        return delegate.translate(request);
    }

    public void release() {
        gate.countDown();
    }

    public List<TranslationRequest> requests() {
        return List.copyOf(requests);
    }

    /** True once a request holding a text that {@code matches} arrived. */
    public boolean received(Predicate<String> matches) {
        return requests().stream().anyMatch(r -> r.texts().stream().anyMatch(matches));
    }
}
