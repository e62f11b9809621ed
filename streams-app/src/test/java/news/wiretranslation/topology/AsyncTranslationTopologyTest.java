package news.wiretranslation.topology;

import news.wiretranslation.metrics.PipelineMetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.translate.FakeTranslator;
import news.wiretranslation.translate.ForwardingTranslator;
import news.wiretranslation.translate.GatedTranslator;
import news.wiretranslation.translate.TranslationException;
import news.wiretranslation.translate.TranslationRequest;
import news.wiretranslation.translate.TranslationResult;
import news.wiretranslation.translate.Translator;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every test of {@link TranslationTopologyTest} again with {@code TRANSLATION_MODE=async} (the dispatcher's threads
 * translate; the wall clock is advanced to run the punctuator that emits), and what only the asynchronous step does:
 * per-story order, the translation memory, dead letters written by the step itself.
 */
class AsyncTranslationTopologyTest extends TranslationTopologyTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** When set before the driver starts, the engine the dispatcher uses instead of {@link #translator}. */
    Translator engine;
    /** TRANSLATION_BATCH_LINGER_MS for the next start of the driver. */
    String linger = "0";
    /** QUALITY_CHECKS for the next start of the driver. */
    String qualityChecks = "true";

    @Override
    Map<String, String> settings(Map<String, String> env) {
        env.put("TRANSLATION_MODE", "async");
        env.put("TRANSLATION_BATCH_LINGER_MS", linger);
        env.put("TRANSLATION_CONCURRENCY", "4");
        env.put("QUALITY_CHECKS", qualityChecks);
        env.put("MAX_ARTICLE_BYTES", "4194304"); // a test sends a 2 MB body (the default, 1 MiB, dead-letters it)
        return env;
    }

    @Override
    Topology topology() {
        Translator used = engine != null ? engine : translator;
        built = TestPipelines.build(config, detector, used, CLOCK, new PipelineMetrics(meters));
        return built.topology();
    }

    @Override
    void settle() {
        try {
            assertThat(built.dispatcher().awaitIdle(WAIT)).as("dispatcher idle").isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        driver.advanceWallClockTime(Duration.ofMillis(50));
    }

    /** Restarts the driver with {@code engine} behind the dispatcher. */
    private void restartWith(Translator engine) {
        closeDriver();
        this.engine = engine;
        startDriver();
    }

    private void pipe(String key, RawArticle article) {
        input.pipeInput(key, rawSerde.serializer().serialize("articles.raw", article));
    }

    /** Characters of every text sent to {@code engine} for {@code target}. */
    private static long sentTo(FakeTranslator engine, String target) {
        return engine.requests().stream().filter(r -> r.targetLanguage().equals(target))
                .flatMap(r -> r.texts().stream()).mapToLong(String::length).sum();
    }

    private static RawArticle revision(String id, int revision, String... paragraphs) {
        RawArticle article = TestArticles.article(id, "Le gouvernement présente un budget de rigueur pour l'année prochaine",
                String.join("\n\n", paragraphs));
        article.setRevision(revision);
        return article;
    }

    private static final String P1 = "Le ministre des Finances a présenté mercredi un projet de budget qui prévoit des économies importantes.";
    private static final String P2 = "Les syndicats ont immédiatement dénoncé des mesures qu'ils jugent injustes pour les ménages modestes.";
    private static final String P3 = "L'opposition a promis de saisir le Conseil constitutionnel dès la semaine prochaine.";
    private static final String P3_NEW = "L'opposition a finalement renoncé à saisir le Conseil constitutionnel, selon son porte-parole.";

    @Test
    void aStorysRevisionsLeaveInOrderEvenWhenALaterOneIsTranslatedFirst() {
        GatedTranslator gated = new GatedTranslator(new news.wiretranslation.translate.FakeTranslator(),
                text -> text.contains("GATED"));
        restartWith(gated);

        pipe("story", revision("story", 1, P1 + " GATED"));
        await().atMost(WAIT).until(() -> gated.received(t -> t.contains("GATED")));
        RawArticle second = revision("story", 2, P2);
        second.setHeadline("Budget : les syndicats dénoncent des mesures injustes"); // nothing shared with revision 1
        pipe("story", second);
        pipe("other", TestArticles.german("other"));
        await().atMost(WAIT).until(() -> gated.received(t -> t.contains("Bundestag")) && gated.received(t -> t.contains("syndicats")));
        await().atMost(WAIT).until(() -> built.dispatcher().textsHeld() <= 4); // only revision 1 (EN-US and DE) left
        driver.advanceWallClockTime(Duration.ofMillis(50));

        List<KeyValue<String, Article>> early = english.readKeyValuesToList();
        assertThat(early).as("another story is not held up").extracting(kv -> kv.key).containsExactly("other");

        gated.release();
        settle();
        List<KeyValue<String, Article>> later = english.readKeyValuesToList();
        assertThat(later).extracting(kv -> kv.value.getVersion()).containsExactly(1, 2);
        assertThat(later.get(0).value.getBody().get(0)).contains("GATED");
        assertThat(german.readValuesToList()).filteredOn(a -> a.getId().equals("story"))
                .extracting(Article::getVersion).containsExactly(1, 2);
    }

    @Test
    void aRevisionSendsOnlyItsChangedParagraphAndReusesExactlyTheEarlierTranslations() {
        send("story", revision("story", 1, P1, P2, P3));
        Article first = english.readValue();
        int requestsBefore = translator.requests().size();

        send("story", revision("story", 2, P1, P2, P3_NEW));
        Article second = english.readValue();

        List<TranslationRequest> sent = translator.requests().subList(requestsBefore, translator.requests().size());
        assertThat(sent).hasSize(2); // EN-US and DE
        assertThat(sent).allSatisfy(r -> assertThat(r.texts()).containsExactly(P3_NEW));
        assertThat(second.getHeadline()).isEqualTo(first.getHeadline());
        assertThat(second.getBody().subList(0, 2)).isEqualTo(first.getBody().subList(0, 2));
        assertThat(second.getBody().get(2)).isEqualTo("[EN-US] " + P3_NEW);
        assertThat(second.getTranslation().getBilledCharacters()).isEqualTo(P3_NEW.length());
        assertThat(second.getTranslation().getMemoryCharacters())
                .isEqualTo(second.getTranslation().getMemoryCharacters())
                .isEqualTo((long) (first.getTranslation().getBilledCharacters() - P3.length()));
        assertThat(first.getTranslation().getMemoryCharacters()).isZero();
    }

    @Test
    void aReplayedArticleIsServedEntirelyFromMemoryWithTheSameTextAndBillsNothing() {
        RawArticle article = revision("replayed", 1, P1, P2);
        send("replayed", article);
        Article original = english.readValue();
        int requests = translator.requests().size();

        // The same text again, as a new revision: the same revision again would be a repeat, which the revision gate
        // does not let through (a replay instance has a gate of its own, and meets the live memory).
        article.setRevision(2);
        send("replayed", article);
        Article replayed = english.readValue();

        assertThat(translator.requests()).hasSize(requests);
        assertThat(replayed.getHeadline()).isEqualTo(original.getHeadline());
        assertThat(replayed.getBody()).isEqualTo(original.getBody());
        assertThat(replayed.getQualityFlags()).isEqualTo(original.getQualityFlags());
        assertThat(replayed.getTranslation().getEngineModel()).isEqualTo(original.getTranslation().getEngineModel());
        assertThat(replayed.getTranslation().getBilledCharacters()).isZero();
        assertThat(replayed.getTranslation().getMemoryCharacters()).isEqualTo(original.getTranslation().getBilledCharacters());
        assertThat(built.step().counters().snapshot().fullyFromMemory()).isEqualTo(2); // EN-US and DE
        assertThat(meters.counter("wire_translation_characters", "target_language", "en-US", "kind", "memory").count())
                .isEqualTo((double) replayed.getTranslation().getMemoryCharacters());
        assertThat(meters.counter("wire_translation_characters", "target_language", "en-US", "kind", "billed").count())
                .isEqualTo((double) original.getTranslation().getBilledCharacters());
        // Sent once, by the original; the replayed article sent nothing and was billed nothing: no difference.
        assertThat(characters("en-US", "sent")).isEqualTo(original.getTranslation().getBilledCharacters());
        assertThat(billingDifference("en-US", "over")).isZero();
        assertThat(billingDifference("en-US", "under")).isZero();
    }

    @Test
    void whatTheEngineBillsAboveWhatWasSentIsCountedAsOverBilling() {
        // An engine with a surcharge of 10 characters a text, which the service does not expect.
        FakeTranslator fake = new FakeTranslator();
        restartWith(new ForwardingTranslator() {
            @Override
            public Translator delegate() {
                return fake;
            }

            @Override
            public TranslationResult translate(TranslationRequest request) throws TranslationException {
                TranslationResult result = fake.translate(request);
                List<Long> billed = request.texts().stream().map(t -> t.length() + 10L).toList();
                return new TranslationResult(result.texts(), result.engine(), result.engineModel(),
                        result.detectedSourceLanguage(), billed.stream().mapToLong(Long::longValue).sum(), billed);
            }
        });

        send("story", revision("story", 1, P1, P2));
        Article article = english.readValue();

        long sent = sentTo(fake, "EN-US");
        assertThat(sent).isGreaterThan(P1.length() + P2.length());
        assertThat(characters("en-US", "sent")).isEqualTo(sent);
        assertThat(characters("en-US", "billed")).isEqualTo(article.getTranslation().getBilledCharacters()).isEqualTo(sent + 30);
        assertThat(billingDifference("en-US", "over")).isEqualTo(30);
        assertThat(billingDifference("en-US", "under")).isZero();
    }

    @Test
    void anEngineThatBillsNothingCountsWhatWasSentButNoDifference() {
        // Apertium: nothing billed, by nature; that is no under-billing.
        FakeTranslator fake = new FakeTranslator();
        restartWith(new Translator() {
            @Override
            public String engine() {
                return "apertium";
            }

            @Override
            public TranslationResult translate(TranslationRequest request) throws TranslationException {
                return new TranslationResult(fake.translate(request).texts(), engine(), null, null, 0);
            }
        });

        send("story", revision("story", 1, P1, P2));
        Article article = english.readValue();

        assertThat(article.getTranslation().getBilledCharacters()).isZero();
        assertThat(characters("en-US", "sent")).isEqualTo(sentTo(fake, "EN-US")).isGreaterThan(P1.length() + P2.length());
        assertThat(characters("en-US", "billed")).isZero();
        assertThat(meters.find("wire_translation_billing_difference_characters").counters()).isEmpty();
    }

    @Test
    void aRefusedArticlesDeadLetterCarriesTheOriginalRecord() {
        RawArticle finnish = TestArticles.finnish("fi-9");
        byte[] value = rawSerde.serializer().serialize("articles.raw", finnish);
        input.pipeInput("fi-9", value);
        settle();

        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).hasSize(2).allSatisfy(letter -> {
            assertThat(letter.getReason()).isEqualTo("TRANSLATION_REJECTED");
            assertThat(letter.getStage()).isEqualTo("translate");
            assertThat(letter.getArticleId()).isEqualTo("fi-9");
            assertThat(letter.getOriginalTopic()).isEqualTo("articles.raw");
            assertThat(letter.getOriginalOffset()).isZero();
            assertThat(bytes(letter.getOriginalValue())).isEqualTo(value);
            assertThat(new String(bytes(letter.getOriginalKey()))).isEqualTo("fi-9");
        });
    }

    @Test
    void articlesArrivingWithinTheLingerShareRequests() {
        // Long enough that piping 30 articles fits in one linger even on a loaded machine; the last, partial
        // batch leaves when the linger ends.
        linger = "2000";
        restartWith(null);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add("gen-" + i);
            input.pipeInput("gen-" + i, rawSerde.serializer().serialize("articles.raw",
                    revision("gen-" + i, 1, P1 + " (" + i + ")", P2 + " (" + i + ")")));
        }
        settle();

        assertThat(english.readValuesToList()).extracting(Article::getId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(translator.requests()).allSatisfy(r -> assertThat(r.texts()).hasSizeLessThanOrEqualTo(50));
        assertThat(translator.requests().size()).as("far fewer requests than articles and targets").isLessThan(10);
        assertThat(translator.requests()).anySatisfy(r -> assertThat(r.texts()).hasSize(50));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    // ---- oversized input (docs/operations.md: Faults) ----

    private static String sentence(int paragraph, int n) {
        return "Le rapporteur du budget, au paragraphe " + paragraph + ", phrase " + n
                + ", a rappelé que les économies prévues seraient réparties entre les collectivités locales. ";
    }

    @Test
    void aTwoMegabyteBodyIsTranslatedInRequestsOfAtMost128KiBAndComesOutWholeInOrder() {
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < 400; p++) {
            StringBuilder paragraph = new StringBuilder();
            for (int n = 0; n < 40; n++) {
                paragraph.append(sentence(p, n));
            }
            paragraphs.add(paragraph.toString().strip());
        }
        RawArticle article = TestArticles.article("fr-2mb", "Le budget détaillé, ligne par ligne", String.join("\n\n", paragraphs));
        qualityChecks = "false"; // looking for untranslated sentences in 2 MB would dominate the test's time
        restartWith(null);
        assertThat(article.getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(2_000_000);

        send("fr-2mb", article);

        Article en = english.readValue();
        assertThat(en.getBody()).hasSize(paragraphs.size() + 1);
        for (int p = 0; p < paragraphs.size(); p++) {
            assertThat(en.getBody().get(p)).as("paragraph %d", p).isEqualTo("[EN-US] " + paragraphs.get(p));
        }
        assertThat(translator.requests()).allSatisfy(request -> assertThat(request.texts().stream()
                .mapToLong(news.wiretranslation.translate.async.BatchLimits::encodedSize).sum())
                .isLessThanOrEqualTo(128 * 1024));
        assertThat(german.readValue().getBody()).hasSize(paragraphs.size() + 1);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aSingle200KBParagraphIsTranslatedInPiecesAndComesOutAsOneParagraph() {
        StringBuilder paragraph = new StringBuilder();
        for (int n = 0; paragraph.length() < 200_000; n++) {
            paragraph.append(sentence(0, n));
        }
        String text = paragraph.toString().strip();
        send("fr-200kb", TestArticles.article("fr-200kb", "Le budget en un seul paragraphe", text));

        Article en = english.readValue();
        assertThat(en.getBody()).hasSize(2);
        String translated = en.getBody().get(0);
        assertThat(translated).startsWith("[EN-US] Le rapporteur du budget, au paragraphe 0, phrase 0,");
        assertThat(translated.replace("[EN-US] ", "")).as("every sentence, once, in order").isEqualTo(text);
        assertThat(translator.requests().stream().filter(r -> r.texts().stream().anyMatch(t -> t.contains("phrase 1,"))))
                .as("the paragraph went out in pieces").hasSizeGreaterThan(1);
        assertThat(deadLetters.isEmpty()).isTrue();
    }
}
