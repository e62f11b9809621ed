package news.wiretranslation.translate.async;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.Translator;

/**
 * The synchronous design ({@code TRANSLATION_MODE=sync}): each article's texts go to the engine in one request, on
 * the calling stream thread, which waits for the answer. Kept as the baseline the benchmark measures the batched
 * {@link TranslationDispatcher} against; the translate step is the same either way.
 *
 * <p>The translator given is expected to bound its own retries (a stream thread must not wait longer than Kafka's
 * {@code max.poll.interval.ms}): the service hands it a {@code RetryingTranslator}. A failure that is left completes
 * the ticket exceptionally, as the batched dispatcher's would.
 */
public final class InlineDispatcher implements Dispatcher {
    private final Translator translator;

    public InlineDispatcher(Translator translator) {
        this.translator = translator;
    }

    @Override
    public Optional<Ticket> trySubmit(Lane lane, List<String> texts, int urgency, Duration wait) {
        return Optional.of(submitNow(lane, texts, urgency));
    }

    @Override
    public Ticket submitNow(Lane lane, List<String> texts, int urgency) {
        CompletableFuture<List<TextResult>> result = new CompletableFuture<>();
        try {
            TranslationResult answer = translator.translate(
                    new TranslationRequest(lane.sourceLanguage(), lane.targetLanguage(), texts, lane.options()));
            if (answer.texts().size() != texts.size()) {
                throw new TranslationException(TranslationException.Kind.SERVER_ERROR,
                        "the engine answered " + answer.texts().size() + " texts for " + texts.size());
            }
            List<TextResult> results = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                results.add(new TextResult(answer.texts().get(i), answer.engineModel(), answer.detectedSourceLanguage(),
                        answer.billedFor(i, texts), false, null));
            }
            result.complete(results);
        } catch (TranslationException e) {
            result.completeExceptionally(e);
        }
        return new Answered(lane, result, urgency);
    }

    @Override
    public boolean answersOnSubmit() {
        return true;
    }

    @Override
    public void close() {
        // Nothing of its own: the translator belongs to the service.
    }

    /** A ticket whose answer is already in: nothing is queued, so nothing to boost or withdraw. */
    private record Answered(Lane lane, CompletableFuture<List<TextResult>> result, int urgency) implements Ticket {
        @Override
        public void boost(int urgency) {
        }

        @Override
        public void cancel() {
        }
    }
}
