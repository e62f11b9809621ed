package news.wiretranslation.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import news.wiretranslation.avro.BodyFormat;
import news.wiretranslation.avro.RawArticle;

/**
 * A reproducible wire feed for the benchmark and the integration tests: stories in several languages, 6-10 paragraphs
 * each, published in 3-5 revisions that each rewrite 10-30% of the paragraphs (and sometimes the headline), from
 * sources that close every article with the same sign-off paragraph. Revisions of different stories interleave, as on
 * a wire; a story's revisions come in order. Texts are built from sentences written for the project, with numbers
 * drawn at random, so that paragraphs differ between stories and language detection sees real language.
 *
 * <p>{@link Options#wireCopy} sizes articles like agency wire copy (the benchmark's default: about 2,700 characters in
 * 9 paragraphs, the last the sign-off); {@link Options#defaults} keeps the shorter, more varied articles the
 * integration tests were written against.
 */
public final class StoryFeed {

    /**
     * @param stories       how many stories
     * @param minRevisions  revisions per story, at least
     * @param maxRevisions  ... at most
     * @param languages     source languages to draw from (ISO 639-1, among {@link #LANGUAGES})
     * @param flashShare    share of stories with IPTC urgency 1 (the rest 3-6)
     * @param seed          the random seed: the same options give the same feed
     * @param storyParagraphs   paragraphs of every article before the sign-off; 0: 5-9, drawn per story
     * @param articleCharacters the length an article aims at (headline, paragraphs and sign-off), paragraphs filled
     *                          with sentences up to their share of it; 0: 2-3 sentences a paragraph
     */
    public record Options(int stories, int minRevisions, int maxRevisions, List<String> languages, double flashShare,
                          long seed, int storyParagraphs, int articleCharacters) {
        public Options(int stories, int minRevisions, int maxRevisions, List<String> languages, double flashShare,
                       long seed) {
            this(stories, minRevisions, maxRevisions, languages, flashShare, seed, 0, 0);
        }

        public static Options defaults(int stories, long seed) {
            return new Options(stories, 3, 5, LANGUAGES, 0.05, seed);
        }

        /** Wire-copy sized: 8 paragraphs and the sign-off, about {@code articleCharacters} characters an article. */
        public static Options wireCopy(int stories, long seed, int articleCharacters) {
            return new Options(stories, 3, 5, LANGUAGES, 0.05, seed, WIRE_COPY_STORY_PARAGRAPHS, articleCharacters);
        }

        /** The same feed shape, revisions and urgency changed: for new stories published once each. */
        public Options withRevisions(int revisions, double flashShare, long seed) {
            return new Options(stories, revisions, revisions, languages, flashShare, seed, storyParagraphs, articleCharacters);
        }

        /** The same shape with another number of stories. */
        public Options withStories(int count) {
            return new Options(count, minRevisions, maxRevisions, languages, flashShare, seed, storyParagraphs, articleCharacters);
        }
    }

    /** Paragraphs of a wire-copy article before its sign-off: with it, the 9 paragraphs of a typical agency story. */
    public static final int WIRE_COPY_STORY_PARAGRAPHS = 8;

    /**
     * One revision of one story, in publishing order.
     *
     * @param english the English version of each of the article's texts (headline, paragraphs, sign-off), by text:
     *                the sentence banks are parallel, so a stand-in engine can answer with a real translation
     */
    public record Item(int story, int revision, int revisions, RawArticle article, Map<String, String> english) {
        public String key() {
            return article.getId();
        }
    }

    public static final List<String> LANGUAGES = List.of("fr", "de", "es", "it", "pt", "nl", "pl", "en");

    private static final Map<String, List<String>> SOURCES = Map.of(
            "fr", List.of("afp-fr", "agence-centre"), "de", List.of("dpa", "agentur-sued"),
            "es", List.of("efe", "agencia-norte"), "it", List.of("ansa", "agenzia-sud"),
            "pt", List.of("lusa", "agencia-brasil-sul"), "nl", List.of("anp", "persbureau-oost"),
            "pl", List.of("pap", "agencja-polnoc"), "en", List.of("wire-en", "press-assoc"));

    private static final Map<String, String> SIGN_OFF = Map.of(
            "fr", "Rédaction : service international de l'agence, avec les correspondants régionaux ; édition : desk du soir.",
            "de", "Redaktion: Auslandsdienst der Agentur mit den Korrespondenten in den Regionen; Bearbeitung: Spätdienst.",
            "es", "Redacción: servicio internacional de la agencia con los corresponsales regionales; edición: mesa de noche.",
            "it", "Redazione: servizio esteri dell'agenzia con i corrispondenti regionali; editing: desk della sera.",
            "pt", "Redação: serviço internacional da agência com os correspondentes regionais; edição: mesa da noite.",
            "nl", "Redactie: buitenlanddienst van het persbureau met de regionale correspondenten; eindredactie: avonddienst.",
            "pl", "Redakcja: serwis zagraniczny agencji we współpracy z korespondentami regionalnymi; wydanie: dyżur wieczorny.",
            "en", "Reporting by the agency's foreign desk with regional correspondents; editing by the night desk.");

    private static final Map<String, List<String>> HEADLINES = Map.of(
            "fr", List.of("Le Parlement adopte la réforme après {n} heures de débat", "Les prix de l'énergie reculent de {n} % en un mois",
                    "Grève dans les transports : {n} lignes perturbées", "Le gouvernement promet {n} millions pour les hôpitaux"),
            "de", List.of("Bundestag beschließt Reform nach {n} Stunden Debatte", "Energiepreise sinken binnen eines Monats um {n} Prozent",
                    "Streik im Nahverkehr: {n} Linien betroffen", "Regierung verspricht {n} Millionen für Krankenhäuser"),
            "es", List.of("El Congreso aprueba la reforma tras {n} horas de debate", "Los precios de la energía bajan un {n} % en un mes",
                    "Huelga en el transporte: {n} líneas afectadas", "El Gobierno promete {n} millones para los hospitales"),
            "it", List.of("Il Parlamento approva la riforma dopo {n} ore di dibattito", "I prezzi dell'energia calano del {n} per cento in un mese",
                    "Sciopero dei trasporti: {n} linee ferme", "Il governo promette {n} milioni per gli ospedali"),
            "pt", List.of("Parlamento aprova a reforma após {n} horas de debate", "Preços da energia caem {n} por cento num mês",
                    "Greve nos transportes afeta {n} linhas", "Governo promete {n} milhões para os hospitais"),
            "nl", List.of("Parlement keurt hervorming goed na {n} uur debat", "Energieprijzen dalen in een maand met {n} procent",
                    "Staking in het openbaar vervoer treft {n} lijnen", "Kabinet belooft {n} miljoen voor ziekenhuizen"),
            "pl", List.of("Sejm przyjął reformę po {n} godzinach debaty", "Ceny energii spadły w ciągu miesiąca o {n} procent",
                    "Strajk w komunikacji miejskiej objął {n} linii", "Rząd obiecuje {n} milionów na szpitale"),
            "en", List.of("Parliament passes reform after {n} hours of debate", "Energy prices fall {n} percent in a month",
                    "Transport strike disrupts {n} lines", "Government pledges {n} million for hospitals"));

    private static final Map<String, List<String>> SENTENCES = Map.of(
            "fr", List.of("Le texte a été adopté mardi soir par {n} voix contre {m}, au terme d'une séance tendue dans l'hémicycle.",
                    "Les syndicats ont annoncé de nouvelles manifestations dans {n} villes pour la semaine prochaine.",
                    "Selon le ministère, les mesures devraient permettre d'économiser {n} millions d'euros d'ici à la fin de l'année.",
                    "L'opposition a dénoncé un passage en force et promis de saisir le Conseil constitutionnel dans les {n} jours.",
                    "Les économistes restent prudents sur les effets de cette décision pour les ménages les plus modestes.",
                    "Une source gouvernementale a indiqué que {n} amendements avaient été examinés pendant la nuit.",
                    "Le Premier ministre doit s'exprimer jeudi devant les députés pour défendre son calendrier.",
                    "Plusieurs élus de la majorité ont reconnu en privé que le vote avait été plus serré que prévu.",
                    "Le coût total de la réforme est estimé à {n} milliards d'euros sur cinq ans par la Cour des comptes.",
                    "Dans la rue, quelque {n} personnes se sont rassemblées devant l'Assemblée nationale en fin d'après-midi."),
            "de", List.of("Der Entwurf wurde am Dienstagabend mit {n} zu {m} Stimmen nach einer angespannten Sitzung angenommen.",
                    "Die Gewerkschaften kündigten für die kommende Woche Proteste in {n} Städten an.",
                    "Nach Angaben des Ministeriums sollen die Maßnahmen bis zum Jahresende {n} Millionen Euro einsparen.",
                    "Die Opposition sprach von einem Durchpeitschen und kündigte binnen {n} Tagen eine Klage an.",
                    "Ökonomen zeigen sich zurückhaltend, was die Folgen für Haushalte mit geringem Einkommen betrifft.",
                    "Aus Regierungskreisen hieß es, in der Nacht seien {n} Änderungsanträge beraten worden.",
                    "Der Kanzler will am Donnerstag im Bundestag seinen Zeitplan verteidigen.",
                    "Mehrere Abgeordnete der Koalition räumten ein, die Abstimmung sei knapper gewesen als erwartet.",
                    "Die Gesamtkosten der Reform schätzt der Rechnungshof auf {n} Milliarden Euro in fünf Jahren.",
                    "Vor dem Reichstag versammelten sich am späten Nachmittag rund {n} Menschen."),
            "es", List.of("El texto fue aprobado el martes por la noche por {n} votos contra {m} tras una sesión tensa.",
                    "Los sindicatos anunciaron nuevas movilizaciones en {n} ciudades para la próxima semana.",
                    "Según el ministerio, las medidas permitirán ahorrar {n} millones de euros antes de que termine el año.",
                    "La oposición denunció la falta de diálogo y anunció un recurso en los próximos {n} días.",
                    "Los economistas se muestran prudentes sobre los efectos de la decisión para las familias con menos ingresos.",
                    "Una fuente del Gobierno indicó que durante la noche se examinaron {n} enmiendas.",
                    "El presidente del Gobierno comparecerá el jueves ante el Congreso para defender su calendario.",
                    "Varios diputados de la mayoría reconocieron en privado que la votación fue más ajustada de lo previsto.",
                    "El Tribunal de Cuentas calcula el coste total de la reforma en {n} mil millones de euros en cinco años.",
                    "Frente al Congreso se concentraron unas {n} personas a última hora de la tarde."),
            "it", List.of("Il testo è stato approvato martedì sera con {n} voti favorevoli e {m} contrari dopo una seduta tesa.",
                    "I sindacati hanno annunciato nuove manifestazioni in {n} città per la prossima settimana.",
                    "Secondo il ministero, le misure dovrebbero far risparmiare {n} milioni di euro entro la fine dell'anno.",
                    "L'opposizione ha denunciato una forzatura e ha promesso un ricorso entro {n} giorni.",
                    "Gli economisti restano cauti sugli effetti della decisione per le famiglie con redditi più bassi.",
                    "Una fonte di governo ha riferito che durante la notte sono stati esaminati {n} emendamenti.",
                    "Il presidente del Consiglio parlerà giovedì alla Camera per difendere il suo calendario.",
                    "Diversi parlamentari della maggioranza hanno ammesso in privato che il voto è stato più incerto del previsto.",
                    "La Corte dei conti stima il costo complessivo della riforma in {n} miliardi di euro in cinque anni.",
                    "Davanti a Montecitorio si sono radunate nel tardo pomeriggio circa {n} persone."),
            "pt", List.of("O texto foi aprovado na terça-feira à noite por {n} votos contra {m}, depois de uma sessão tensa.",
                    "Os sindicatos anunciaram novas manifestações em {n} cidades para a próxima semana.",
                    "Segundo o ministério, as medidas deverão poupar {n} milhões de euros até ao final do ano.",
                    "A oposição criticou a decisão do governo e prometeu recorrer no prazo de {n} dias.",
                    "Os economistas mostram-se cautelosos quanto aos efeitos da medida para as famílias com menores rendimentos.",
                    "Uma fonte do governo indicou que durante a noite foram analisadas {n} propostas de alteração.",
                    "O primeiro-ministro deverá falar na quinta-feira no parlamento para defender o seu calendário.",
                    "Vários deputados da maioria admitiram em privado que a votação foi mais renhida do que o previsto.",
                    "O Tribunal de Contas estima o custo total da reforma em {n} mil milhões de euros em cinco anos.",
                    "Em frente à Assembleia juntaram-se ao fim da tarde cerca de {n} pessoas."),
            "nl", List.of("Het voorstel werd dinsdagavond na een gespannen zitting aangenomen met {n} tegen {m} stemmen.",
                    "De vakbonden kondigden voor volgende week nieuwe acties aan in {n} steden.",
                    "Volgens het ministerie moeten de maatregelen voor het einde van het jaar {n} miljoen euro besparen.",
                    "De oppositie sprak van een overhaaste beslissing en wil binnen {n} dagen naar de rechter stappen.",
                    "Economen zijn voorzichtig over de gevolgen van het besluit voor huishoudens met een laag inkomen.",
                    "Uit regeringskringen werd vernomen dat er 's nachts {n} amendementen zijn besproken.",
                    "De premier zal donderdag in de Tweede Kamer zijn tijdschema verdedigen.",
                    "Verschillende Kamerleden van de coalitie gaven toe dat de stemming spannender was dan verwacht.",
                    "De Rekenkamer schat de totale kosten van de hervorming op {n} miljard euro over vijf jaar.",
                    "Aan het eind van de middag verzamelden zich ongeveer {n} mensen voor het parlementsgebouw."),
            "pl", List.of("Projekt został przyjęty we wtorek wieczorem stosunkiem głosów {n} do {m} po burzliwym posiedzeniu.",
                    "Związki zawodowe zapowiedziały na przyszły tydzień protesty w {n} miastach.",
                    "Według ministerstwa środki mają przynieść do końca roku oszczędności rzędu {n} milionów złotych.",
                    "Opozycja mówi o przepychaniu ustawy i zapowiada skargę w ciągu {n} dni.",
                    "Ekonomiści ostrożnie oceniają skutki tej decyzji dla gospodarstw domowych o najniższych dochodach.",
                    "Źródło rządowe podało, że w nocy rozpatrzono {n} poprawek.",
                    "Premier ma w czwartek wystąpić w Sejmie, aby bronić swojego harmonogramu.",
                    "Kilku posłów koalicji przyznało nieoficjalnie, że głosowanie było bardziej wyrównane, niż się spodziewano.",
                    "Najwyższa Izba Kontroli szacuje łączny koszt reformy na {n} miliardów złotych w ciągu pięciu lat.",
                    "Przed budynkiem Sejmu zebrało się późnym popołudniem około {n} osób."),
            "en", List.of("The bill was passed late on Tuesday by {n} votes to {m} after a tense session in the chamber.",
                    "Unions announced further protests in {n} cities for next week.",
                    "According to the ministry, the measures should save {n} million euros by the end of the year.",
                    "The opposition accused the government of forcing the bill through and promised a challenge within {n} days.",
                    "Economists remain cautious about the effects of the decision on households with the lowest incomes.",
                    "A government source said {n} amendments had been examined overnight.",
                    "The prime minister is due to address parliament on Thursday to defend the timetable.",
                    "Several members of the governing coalition admitted privately that the vote had been closer than expected.",
                    "The audit office puts the total cost of the reform at {n} billion euros over five years.",
                    "Some {n} people gathered outside parliament in the late afternoon."));

    private StoryFeed() {
    }

    /** The feed in publishing order. */
    public static List<Item> generate(Options options) {
        Random random = new Random(options.seed());
        record Timed(double at, Item item) {
        }
        List<Timed> events = new ArrayList<>();
        Instant base = Instant.parse("2026-11-25T06:00:00Z");
        for (int s = 0; s < options.stories(); s++) {
            String language = options.languages().get(random.nextInt(options.languages().size()));
            int revisions = options.minRevisions() + random.nextInt(options.maxRevisions() - options.minRevisions() + 1);
            List<Version> versions = story(s, language, revisions, random.nextDouble() < options.flashShare(), random, base,
                    options.storyParagraphs(), options.articleCharacters());
            // Stories start anywhere in the feed; a story's revisions follow at random intervals, in order.
            double at = random.nextDouble() * options.stories();
            for (int r = 0; r < revisions; r++) {
                events.add(new Timed(at, new Item(s, r + 1, revisions, versions.get(r).article(), versions.get(r).english())));
                at += 1 + random.nextDouble() * options.stories() / 4.0;
            }
        }
        events.sort(Comparator.comparingDouble(Timed::at));
        return events.stream().map(Timed::item).toList();
    }

    /** A text and its English version, built from the same sentence templates and the same numbers. */
    private record Text(String original, String english) {
    }

    private record Version(RawArticle article, Map<String, String> english) {
    }

    private static List<Version> story(int s, String language, int revisions, boolean flash, Random random, Instant base,
                                       int storyParagraphs, int articleCharacters) {
        String source = SOURCES.get(language).get(random.nextInt(2));
        Text headline = headline(language, random);
        int paragraphCount = storyParagraphs > 0 ? storyParagraphs
                : 6 + random.nextInt(5) - 1; // 5-9 story paragraphs, plus the sign-off: 6-10
        int maxParagraphs = storyParagraphs > 0 ? storyParagraphs : 9;
        // Each story paragraph's share of the article's length, once the headline, the sign-off and the blank lines
        // between paragraphs are counted; 0 keeps the 2-3 sentences of the default feed.
        int paragraphCharacters = articleCharacters <= 0 ? 0 : Math.max(1, (articleCharacters - headline.original().length()
                - SIGN_OFF.get(language).length() - 2 * paragraphCount) / paragraphCount);
        List<Text> paragraphs = new ArrayList<>();
        for (int p = 0; p < paragraphCount; p++) {
            paragraphs.add(paragraph(language, random, paragraphCharacters));
        }
        int urgency = flash ? 1 : 3 + random.nextInt(4);
        List<Version> versions = new ArrayList<>();
        for (int r = 1; r <= revisions; r++) {
            if (r > 1) {
                int total = paragraphs.size() + 1;
                int changes = Math.max(1, (int) Math.round(total * (0.1 + random.nextDouble() * 0.2)));
                for (int c = 0; c < changes; c++) {
                    if (random.nextDouble() < 0.25) {
                        headline = headline(language, random);
                    } else if (random.nextDouble() < 0.2 && paragraphs.size() < maxParagraphs) {
                        paragraphs.add(random.nextInt(paragraphs.size() + 1), paragraph(language, random, paragraphCharacters));
                    } else {
                        paragraphs.set(random.nextInt(paragraphs.size()), paragraph(language, random, paragraphCharacters));
                    }
                }
            }
            List<Text> body = new ArrayList<>(paragraphs);
            body.add(new Text(SIGN_OFF.get(language), SIGN_OFF.get("en")));
            Map<String, String> english = new java.util.HashMap<>();
            english.put(headline.original(), headline.english());
            body.forEach(text -> english.put(text.original(), text.english()));
            Instant published = base.plusSeconds(s * 60L + r * 600L);
            versions.add(new Version(RawArticle.newBuilder()
                    .setId("story-" + s)
                    .setSource(source)
                    .setUrl(null)
                    .setHeadline(headline.original())
                    .setBody(String.join("\n\n", body.stream().map(Text::original).toList()))
                    .setBodyFormat(BodyFormat.TEXT)
                    .setDeclaredLanguage(s % 3 == 0 ? language : null)
                    .setRevision(r)
                    .setUrgency(urgency)
                    .setPublishedAt(published)
                    .setReceivedAt(published)
                    .setAttributes(Map.of())
                    .build(), Map.copyOf(english)));
        }
        return versions;
    }

    private static Text headline(String language, Random random) {
        return fill(HEADLINES, language, random.nextInt(4), random);
    }

    /** 2-3 sentences when {@code characters} is 0, else sentences while the paragraph stays nearest that length. */
    private static Text paragraph(String language, Random random, int characters) {
        int n = characters > 0 ? Integer.MAX_VALUE : 2 + random.nextInt(2);
        StringBuilder original = new StringBuilder();
        StringBuilder english = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Text sentence = fill(SENTENCES, language, random.nextInt(SENTENCES.get(language).size()), random);
            // Stop before a sentence that would overshoot by more than half of itself: paragraphs then average the
            // length asked for instead of always exceeding it.
            if (characters > 0 && i > 0 && original.length() + 1 + sentence.original().length() / 2 > characters) {
                break;
            }
            if (i > 0) {
                original.append(' ');
                english.append(' ');
            }
            original.append(sentence.original());
            english.append(sentence.english());
        }
        return new Text(original.toString(), english.toString());
    }

    private static Text fill(Map<String, List<String>> bank, String language, int index, Random random) {
        String n = Integer.toString(2 + random.nextInt(9_998));
        String m = Integer.toString(2 + random.nextInt(998));
        return new Text(fill(bank.get(language).get(index), n, m), fill(bank.get("en").get(index), n, m));
    }

    private static String fill(String template, String n, String m) {
        return template.replace("{n}", n).replace("{m}", m);
    }
}
