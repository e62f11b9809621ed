package news.wiretranslation.translate.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import news.wiretranslation.translate.TranslationOptions;
import news.wiretranslation.translate.TranslationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The glossary (and context) is part of the dispatcher's batch key: requests never mix texts of different options. */
class GlossaryLanesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final TranslationOptions OLD = new TranslationOptions("glossary-1", "hash-1", null);
    private static final TranslationOptions NEW = new TranslationOptions("glossary-2", "hash-2", null);

    private final ScriptedEngine engine = new ScriptedEngine();
    private final TranslationDispatcher dispatcher = new TranslationDispatcher(engine, new DispatcherSettings(1,
            BatchLimits.DEEPL, Duration.ofMillis(50), 1000, Duration.ofMillis(100), Duration.ofSeconds(2)), null, d -> { });

    @AfterEach
    void close() {
        dispatcher.close();
    }

    private static List<String> translations(Ticket ticket) throws Exception {
        return ticket.result().get(10, TimeUnit.SECONDS).stream().map(TextResult::text).toList();
    }

    @Test
    void textsOfTheSamePairWithDifferentGlossariesOrContextsGoInSeparateRequestsCarryingTheirOptions() throws Exception {
        engine.close_gate();
        Ticket a = dispatcher.trySubmit(new Lane("fr", "EN-US", OLD), List.of("Kiev", "Le texte."), 5, WAIT).orElseThrow();
        Ticket b = dispatcher.trySubmit(new Lane("fr", "EN-US", NEW), List.of("Kiev", "Un autre."), 5, WAIT).orElseThrow();
        Ticket c = dispatcher.trySubmit(new Lane("fr", "EN-US", NEW), List.of("Encore."), 5, WAIT).orElseThrow();
        Ticket d = dispatcher.trySubmit(new Lane("fr", "EN-US", NEW.withContext("Titre")), List.of("Contexte."), 5, WAIT)
                .orElseThrow();
        engine.open();

        assertThat(translations(a)).containsExactly("[EN-US] Kiev", "[EN-US] Le texte.");
        assertThat(translations(b)).hasSize(2);
        assertThat(translations(c)).hasSize(1);
        assertThat(translations(d)).hasSize(1);
        List<TranslationRequest> requests = engine.requests();
        assertThat(requests).hasSize(3).allSatisfy(request -> assertThat(request.options().glossaryId()).isNotNull());
        assertThat(requests).filteredOn(r -> r.options().equals(OLD)).singleElement()
                .satisfies(r -> assertThat(r.texts()).containsExactly("Kiev", "Le texte."));
        assertThat(requests).filteredOn(r -> r.options().equals(NEW)).singleElement()
                .satisfies(r -> assertThat(r.texts()).containsExactlyInAnyOrder("Kiev", "Un autre.", "Encore."));
        assertThat(requests).filteredOn(r -> "Titre".equals(r.options().context())).singleElement()
                .satisfies(r -> assertThat(r.texts()).containsExactly("Contexte."));
    }
}
