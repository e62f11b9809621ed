package news.wiretranslation.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.RawArticle;

/**
 * A deterministic feed of wire-style articles in six languages, built from sentences written for the project:
 * article {@code i} takes its headline and three paragraphs from its language's pool, so every article differs.
 */
final class GeneratedArticles {
    static final List<String> LANGUAGES = List.of("fr", "de", "es", "it", "pt", "en");

    private static final Map<String, List<String>> HEADLINES = Map.of(
            "fr", List.of("Le Parlement adopte la réforme des retraites après un long débat",
                    "Les prix de l'énergie continuent de baisser en novembre",
                    "Grève dans les transports publics de la région parisienne"),
            "de", List.of("Regierung einigt sich auf neuen Haushalt für das kommende Jahr",
                    "Deutsche Wirtschaft wächst stärker als erwartet",
                    "Schwere Unwetter sorgen für Chaos im Süden des Landes"),
            "es", List.of("El Gobierno aprueba un nuevo plan de vivienda para los jóvenes",
                    "La inflación se modera por tercer mes consecutivo",
                    "Fuertes lluvias provocan inundaciones en el este del país"),
            "it", List.of("Il governo approva la legge di bilancio dopo una lunga trattativa",
                    "La disoccupazione scende al livello più basso degli ultimi anni",
                    "Forti piogge causano frane nel nord del paese"),
            "pt", List.of("Governo anuncia novas medidas para reduzir o preço da energia",
                    "A economia portuguesa cresce acima das previsões",
                    "Chuvas intensas provocam inundações no norte do país"),
            "en", List.of("Parliament approves new budget after lengthy debate",
                    "Energy prices continue to fall for a third month",
                    "Storms cause widespread flooding across the north"));

    private static final Map<String, List<String>> SENTENCES = Map.of(
            "fr", List.of("Le texte a été adopté mardi soir par une large majorité des députés présents dans l'hémicycle.",
                    "Les syndicats ont annoncé de nouvelles manifestations pour la semaine prochaine dans plusieurs grandes villes.",
                    "Selon le ministère, les mesures devraient permettre de réaliser des économies importantes d'ici à la fin de l'année.",
                    "L'opposition a dénoncé un passage en force et promis de saisir le Conseil constitutionnel.",
                    "Les économistes restent prudents sur les effets de cette décision pour les ménages les plus modestes."),
            "de", List.of("Die Abgeordneten stimmten am Dienstagabend mit großer Mehrheit für den Entwurf der Regierung.",
                    "Die Gewerkschaften kündigten für die kommende Woche weitere Proteste in mehreren Großstädten an.",
                    "Nach Angaben des Ministeriums sollen die Maßnahmen bis zum Jahresende deutliche Einsparungen bringen.",
                    "Die Opposition kritisierte das Vorgehen scharf und kündigte eine Klage vor dem Verfassungsgericht an.",
                    "Ökonomen zeigen sich zurückhaltend, was die Folgen für Haushalte mit geringem Einkommen betrifft."),
            "es", List.of("El texto fue aprobado el martes por la noche por una amplia mayoría de los diputados presentes.",
                    "Los sindicatos anunciaron nuevas movilizaciones para la próxima semana en varias ciudades del país.",
                    "Según el ministerio, las medidas permitirán ahorrar una cantidad importante antes de que termine el año.",
                    "La oposición denunció la falta de diálogo y anunció que recurrirá la ley ante el Tribunal Constitucional.",
                    "Los economistas se muestran prudentes sobre los efectos de la decisión para las familias con menos ingresos."),
            "it", List.of("Il testo è stato approvato martedì sera da un'ampia maggioranza dei deputati presenti in aula.",
                    "I sindacati hanno annunciato nuove manifestazioni per la prossima settimana in diverse città italiane.",
                    "Secondo il ministero, le misure dovrebbero permettere risparmi importanti entro la fine dell'anno.",
                    "L'opposizione ha denunciato una forzatura e ha promesso di ricorrere alla Corte costituzionale.",
                    "Gli economisti restano cauti sugli effetti della decisione per le famiglie con redditi più bassi."),
            "pt", List.of("O texto foi aprovado na terça-feira à noite por uma ampla maioria dos deputados presentes.",
                    "Os sindicatos anunciaram novas manifestações para a próxima semana em várias cidades do país.",
                    "Segundo o ministério, as medidas deverão permitir uma poupança importante até ao final do ano.",
                    "A oposição criticou a decisão do governo e prometeu recorrer ao Tribunal Constitucional.",
                    "Os economistas mostram-se cautelosos quanto aos efeitos da medida para as famílias com menores rendimentos."),
            "en", List.of("The bill was passed late on Tuesday by a large majority of the members present in the chamber.",
                    "Unions announced further protests for next week in several of the country's largest cities.",
                    "According to the ministry, the measures should deliver significant savings by the end of the year.",
                    "The opposition accused the government of forcing the bill through and promised a court challenge.",
                    "Economists remain cautious about the effects of the decision on households with the lowest incomes."));

    private GeneratedArticles() {
    }

    static String language(int i) {
        return LANGUAGES.get(i % LANGUAGES.size());
    }

    static RawArticle article(int i) {
        String language = language(i);
        List<String> headlines = HEADLINES.get(language);
        List<String> sentences = SENTENCES.get(language);
        List<String> paragraphs = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            paragraphs.add(sentences.get((i + p) % sentences.size()) + " " + sentences.get((i + p + 2) % sentences.size()));
        }
        Instant published = Instant.parse("2026-11-20T06:00:00Z").plusSeconds(i * 60L);
        return RawArticle.newBuilder()
                .setId("gen-" + i)
                .setSource("generated")
                .setUrl(null)
                .setHeadline(headlines.get(i % headlines.size()) + " (" + i + ")")
                .setBody(String.join("\n\n", paragraphs))
                .setBodyFormat(BodyFormat.TEXT)
                .setDeclaredLanguage(i % 4 == 0 ? language : null)
                .setRevision(1)
                .setUrgency(1 + i % 9)
                .setPublishedAt(published)
                .setReceivedAt(published.plusSeconds(1))
                .setAttributes(Map.of())
                .build();
    }
}
