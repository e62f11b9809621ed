package news.wiretranslation.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.QualityFlag;
import news.wiretranslation.avro.ReviewAction;
import news.wiretranslation.avro.ReviewRequest;
import news.wiretranslation.avro.ReviewSource;
import news.wiretranslation.avro.Translation;

/** Translations as the service sends them to the review topic, and editors' requests, for the desk's tests. */
public final class ReviewItems {
    public static final Instant PUBLISHED = Instant.parse("2026-12-01T07:00:00Z");
    public static final String MT_DISCLAIMER =
            "This article was machine-translated from French by DeepL and has not been reviewed by an editor.";

    private ReviewItems() {
    }

    /** A French story translated into English, its second paragraph flagged as left untranslated. */
    public static Article flagged(String id, int revision) {
        return Article.newBuilder()
                .setUri("urn:wire-translation:afp:" + id + ":en-US")
                .setId(id)
                .setVersion(revision)
                .setLanguage("en-US")
                .setHeadline("Government presents an austerity budget for next year")
                .setBody(List.of("The finance minister presented a draft budget on Wednesday.",
                        "The unions denounced des mesures injustes for modest households.", MT_DISCLAIMER))
                .setVersionCreated(PUBLISHED.plusSeconds(revision))
                .setSource("afp")
                .setMachineTranslated(true)
                .setDetectedLanguage("fr")
                .setDetectionConfidence(0.97)
                .setTranslation(Translation.newBuilder()
                        .setEngine("deepl")
                        .setEngineModel("quality_optimized")
                        .setSourceLanguage("fr")
                        .setDetectionConfidence(0.97)
                        .setOriginalArticleId(id)
                        .setOriginalUri("https://news.example/" + id)
                        .setSettingsFingerprint("fp-1234")
                        .setTranslatedAt(PUBLISHED.plusSeconds(60))
                        .setBilledCharacters(180)
                        .setDisclaimer(MT_DISCLAIMER)
                        .build())
                .setQualityFlags(List.of(QualityFlag.newBuilder()
                        .setCode("UNTRANSLATED_FRAGMENT")
                        .setMessage("Left in the source language: des mesures injustes")
                        .setText("des mesures injustes")
                        .setParagraph(1)
                        .setOffset(23)
                        .build()))
                .setUrgency(3)
                .setReviewSource(new ReviewSource("Le gouvernement présente un budget de rigueur",
                        List.of("Le ministre des Finances a présenté mercredi un projet de budget.",
                                "Les syndicats ont dénoncé des mesures injustes pour les ménages modestes.")))
                .setProcessedAt(PUBLISHED.plusSeconds(61))
                .setPipelineVersion("test")
                .build();
    }

    public static ReviewRequest approve(Article item, String reviewer, Map<String, String> editedParagraphs) {
        return request(item, ReviewAction.APPROVE, reviewer, null, editedParagraphs);
    }

    public static ReviewRequest reject(Article item, String reviewer, String reason) {
        return request(item, ReviewAction.REJECT, reviewer, reason, Map.of());
    }

    private static ReviewRequest request(Article item, ReviewAction action, String reviewer, String reason,
                                         Map<String, String> paragraphs) {
        return ReviewRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setStoryId(item.getId())
                .setLanguage(item.getLanguage())
                .setRevision(item.getVersion())
                .setAction(action)
                .setReviewer(reviewer)
                .setReason(reason)
                .setParagraphs(paragraphs)
                .setRequestedAt(PUBLISHED.plusSeconds(3600))
                .build();
    }
}
