package news.wiretranslation.topology;

import java.time.Instant;
import java.util.Map;

import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.RawArticle;

/** Short wire-style articles for tests, one per language. */
public final class TestArticles {
    public static final Instant PUBLISHED = Instant.parse("2026-11-20T08:30:00Z");

    private TestArticles() {
    }

    public static RawArticle french(String id) {
        return article(id, "Le gouvernement présente un budget de rigueur pour l'année prochaine",
                "Le ministre des Finances a présenté mercredi un projet de budget qui prévoit des économies importantes "
                        + "dans la plupart des ministères.\n\nLes syndicats ont immédiatement dénoncé des mesures qu'ils "
                        + "jugent injustes pour les ménages les plus modestes.");
    }

    public static RawArticle english(String id) {
        return article(id, "Central bank holds interest rates steady amid slowing growth",
                "The central bank left its main interest rate unchanged on Thursday, saying inflation was easing but "
                        + "remained above its target.\n\nEconomists had widely expected the decision after a series of "
                        + "weak reports on manufacturing and retail sales.");
    }

    public static RawArticle german(String id) {
        return article(id, "Bundestag beschließt neues Gesetz zum Klimaschutz",
                "Der Bundestag hat am Freitag mit großer Mehrheit ein neues Gesetz zum Klimaschutz verabschiedet. "
                        + "Die Opposition kritisierte, dass die Maßnahmen nicht weit genug gingen.\n\nDas Gesetz soll "
                        + "im kommenden Jahr in Kraft treten.");
    }

    public static RawArticle finnish(String id) {
        return article(id, "Hallitus esitteli uuden talousarvion torstaina",
                "Valtiovarainministeri kertoi, että ensi vuoden talousarviossa leikataan menoja useilla hallinnonaloilla. "
                        + "Oppositio arvosteli esitystä voimakkaasti.");
    }

    /** Georgian: a script no DeepL source language uses. */
    public static RawArticle georgian(String id) {
        RawArticle raw = article(id, "მთავრობამ ახალი ბიუჯეტი წარადგინა",
                "ფინანსთა მინისტრმა ოთხშაბათს პარლამენტს მომავალი წლის ბიუჯეტის პროექტი წარუდგინა.");
        raw.setDeclaredLanguage("ka");
        return raw;
    }

    public static RawArticle article(String id, String headline, String body) {
        return RawArticle.newBuilder()
                .setId(id)
                .setSource("test-agency")
                .setUrl("https://news.example/" + id)
                .setHeadline(headline)
                .setBody(body)
                .setBodyFormat(BodyFormat.TEXT)
                .setDeclaredLanguage(null)
                .setRevision(1)
                .setUrgency(5)
                .setPublishedAt(PUBLISHED)
                .setReceivedAt(PUBLISHED.plusSeconds(2))
                .setAttributes(Map.of("slug", id))
                .build();
    }
}
