package news.wiretranslation.ninjs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import news.wiretranslation.article.EngineNames;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.QualityFlag;
import news.wiretranslation.avro.Translation;

/**
 * Writes a normalized {@link Article} as an IPTC ninjs news item, version 2.2 or 3.1 ({@link NinjsVersion}), so that
 * newsroom systems that read ninjs can take the service's output as it is, machine-translation label included.
 *
 * <h2>Why the label is where it is</h2>
 * Both schemas are closed: the root sets {@code unevaluatedProperties: false} and the nested objects
 * {@code additionalProperties: false} (associations {@code unevaluatedProperties: false}). Neither has an extension
 * point: no {@code signals}, no {@code keywords}, no {@code x-} properties, and {@code rightsinfo}
 * ({@code rightsInfo}) holds a rights expression, not labels. An invented property would make the item invalid. The writer therefore uses ninjs' own fields for what they model, and the two free-form places the
 * standard offers for the rest:
 * <ul>
 *   <li><b>Standard fields.</b> {@code uri}, {@code type} {@code text}, {@code version}, {@code versioncreated}
 *       ({@code versionCreated}), {@code language}, {@code headlines[]} (role {@code main}), {@code bodies[]} (one
 *       {@code text/plain} body, paragraphs joined by blank lines, the disclaimer as the last paragraph as the
 *       article has it), {@code standard} (ninjs, the version, the schema's URI). A machine translation sets
 *       {@code digitalsourcetype} ({@code digitalSourceType}), an object in both versions with the term's
 *       {@code uri} and IPTC's {@code name} ({@link DigitalSourceTypes}: {@value #TRAINED_ALGORITHMIC_MEDIA},
 *       "Trained algorithmic media"); the disclaimer is a {@code descriptions[]} entry with role
 *       {@value #DISCLAIMER_ROLE}; {@code altids} ({@code altIds}) hold this story's id (role {@code id}), the
 *       original article's id (role {@value #ORIGINAL_ROLE}) and its URI (role {@value #ORIGINAL_URI_ROLE}: the
 *       original item's own uri when it had one, e.g. a ninjs item's); {@code infosources} ({@code infoSources})
 *       name the parties {@link InfoSources} lists: the agency (role {@value #SOURCE_ROLE}) and the engine (role
 *       {@value #ENGINE_ROLE}, e.g. name {@code DeepL}, uri {@code https://www.deepl.com}, literal the engine's id
 *       {@code deepl}). An article passed through in its original language has no digital source type and no
 *       engine; its URL, when it has one, is an altid with role {@value #URL_ROLE}.</li>
 *   <li><b>The translation's language with its provenance</b>: a {@code descriptions[]} entry with role
 *       {@value #LANGUAGE_TRANSFORM_ROLE} whose value is the BCP 47 tag with the transform extension,
 *       {@code en-US-t-fr-t0-und} (English, machine-translated from French; {@link TransformedLanguageTag}).
 *       Never in {@code language}, which stays the plain tag ({@code en-US}): consumers compare it, look it up
 *       and route by it, and a {@code -t-} extension would make {@code en-US} items miss every such rule. Not in
 *       {@code altids} either: those identify this item, and one tag is shared by every French-to-English item.
 *       ninjs calls descriptions metadata, which is what the tag is.</li>
 *   <li><b>The machine-readable label</b>: a {@code descriptions[]} entry with role {@value #LABEL_ROLE} and content
 *       type {@code application/json} whose value is the JSON document {@link #label(Article)} (engine, model,
 *       settings fingerprint, declared, detected and engine-reported source language, confidence, disagreement,
 *       quality flags, editorial review, normalization rules; field names as in the Avro {@code Article}). ninjs
 *       calls descriptions metadata whose role and content type the provider defines; consumers that do not know
 *       the role skip it. Every item has one, so an article passed through says {@code "machineTranslated": false}
 *       in the same place.</li>
 *   <li><b>The label in words</b>, for editors: {@code ednote} ({@code edNote}), ninjs' note "intended to be read by
 *       internal staff at the receiving organisation, but not intended to be published": engine, model, source
 *       language as declared, detected and reported, disagreement, whether an editor reviewed it, and each quality
 *       flag.</li>
 * </ul>
 * {@code associations} are not used for the original: consumers take them for content to fetch or embed (pictures,
 * related stories), and the original is not such content; the altids identify it.
 */
public final class NinjsWriter {

    public static final String TRAINED_ALGORITHMIC_MEDIA = DigitalSourceTypes.TRAINED_ALGORITHMIC_MEDIA;

    /** Role of the descriptions entry with the translation disclaimer, in the item's language. */
    public static final String DISCLAIMER_ROLE = "disclaimer";
    /**
     * Role of the descriptions entry whose value is the translation's BCP 47 transform-extension tag
     * ({@link TransformedLanguageTag}, e.g. {@code en-US-t-fr-t0-und}), content type {@code text/plain}.
     */
    public static final String LANGUAGE_TRANSFORM_ROLE = "language-transform";
    /** Role of the descriptions entry with the machine-readable label ({@link #label(Article)}). */
    public static final String LABEL_ROLE = "machine-translation-label";
    /** Content type of the label entry. */
    public static final String LABEL_CONTENT_TYPE = "application/json";
    /** Altid role of this story's id. */
    public static final String ID_ROLE = "id";
    /** Altid role of the id of the original a machine translation was made from. */
    public static final String ORIGINAL_ROLE = "original";
    /** Altid role of the URI of the original a machine translation was made from. */
    public static final String ORIGINAL_URI_ROLE = "original-uri";
    /** Altid role of an article's own URL, for an article passed through in its original language. */
    public static final String URL_ROLE = "url";
    /** Infosource role of the agency or feed that delivered the original. */
    public static final String SOURCE_ROLE = InfoSources.SOURCE_ROLE;
    /** Infosource role of the machine-translation engine. */
    public static final String ENGINE_ROLE = InfoSources.ENGINE_ROLE;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The item in ninjs 2.2, as a JSON tree: {@code toNinjs(article, NinjsVersion.V2_2)}. */
    public ObjectNode toNinjs(Article article) {
        return toNinjs(article, NinjsVersion.V2_2);
    }

    /** The item as one line of ninjs 2.2 JSON: {@code write(article, NinjsVersion.V2_2)}. */
    public String write(Article article) {
        return write(article, NinjsVersion.V2_2);
    }

    /** The item as one line of JSON in the given ninjs version. */
    public String write(Article article, NinjsVersion version) {
        return json(toNinjs(article, version), article);
    }

    /** The item as a JSON tree in the given ninjs version. */
    public ObjectNode toNinjs(Article article, NinjsVersion version) {
        Names names = new Names(version);
        Translation translation = article.getTranslation();
        boolean machineTranslated = machineTranslated(article);
        ObjectNode item = JSON.createObjectNode();
        item.put("uri", article.getUri());
        item.putObject("standard")
                .put("name", "ninjs")
                .put("version", version.number())
                .put("schema", version.schemaUri());
        item.put("type", "text");
        item.put("version", Integer.toString(article.getVersion()));
        item.put(names.versionCreated, article.getVersionCreated().toString());
        item.put("language", article.getLanguage());
        if (article.getByline() != null && !article.getByline().isBlank()) {
            item.put("by", article.getByline());
        }
        if (!article.getHeadline().isBlank()) {
            item.putArray("headlines").addObject().put("role", "main").put("value", article.getHeadline());
        }
        if (!article.getBody().isEmpty()) {
            String bodyText = String.join("\n\n", article.getBody());
            item.putArray("bodies").addObject()
                    .put("role", "text")
                    .put(names.contentType, "text/plain")
                    .put(names.charCount, bodyText.codePointCount(0, bodyText.length()))
                    .put("value", bodyText);
        }

        ArrayNode descriptions = item.putArray("descriptions");
        if (translation != null && !translation.getDisclaimer().isBlank()) {
            descriptions.addObject()
                    .put("role", DISCLAIMER_ROLE)
                    .put(names.contentType, "text/plain")
                    .put("value", translation.getDisclaimer());
        }
        TransformedLanguageTag.of(article).ifPresent(tag -> descriptions.addObject()
                .put("role", LANGUAGE_TRANSFORM_ROLE)
                .put(names.contentType, "text/plain")
                .put("value", tag));
        descriptions.addObject()
                .put("role", LABEL_ROLE)
                .put(names.contentType, LABEL_CONTENT_TYPE)
                .put("value", json(label(article), article));
        item.put(names.edNote, editorialNote(article));

        ArrayNode altIds = item.putArray(names.altIds);
        altIds.addObject().put("role", ID_ROLE).put("value", article.getId());
        if (translation != null) {
            altIds.addObject().put("role", ORIGINAL_ROLE).put("value", translation.getOriginalArticleId());
            String originalUri = !translation.getOriginalUri().isBlank() ? translation.getOriginalUri() : article.getOriginalUrl();
            if (originalUri != null && !originalUri.isBlank()) {
                altIds.addObject().put("role", ORIGINAL_URI_ROLE).put("value", originalUri);
            }
        } else if (article.getOriginalUrl() != null && !article.getOriginalUrl().isBlank()) {
            altIds.addObject().put("role", URL_ROLE).put("value", article.getOriginalUrl());
        }

        ArrayNode infoSources = item.putArray(names.infoSources);
        for (InfoSources.InfoSource party : InfoSources.of(article)) {
            ObjectNode source = infoSources.addObject().put("name", party.name()).put("role", party.role());
            if (party.uri() != null) {
                source.put("uri", party.uri());
            }
            if (party.literal() != null) {
                source.put("literal", party.literal());
            }
        }

        if (machineTranslated) {
            String uri = DigitalSourceTypes.uri(translation);
            ObjectNode sourceType = item.putObject(names.digitalSourceType).put("uri", uri);
            DigitalSourceTypes.name(uri).ifPresent(name -> sourceType.put("name", name));
        }
        return item;
    }

    /**
     * The machine-readable translation label that the {@value #LABEL_ROLE} description carries, with the field names
     * of the Avro {@code Article}: {@code machineTranslated}, {@code language}, {@code declaredLanguage},
     * {@code detectedLanguage}, {@code detectionConfidence}, {@code translation} (engine, engineModel,
     * sourceLanguage, detectionConfidence, engineDetectedLanguage, languageDisagreement, originalArticleId,
     * originalUri, settingsFingerprint, translatedAt, billedCharacters, digitalSourceType; null for an article passed
     * through; the disclaimer is its own description), {@code editorialReview}, {@code qualityFlags} (code, message,
     * text, paragraph, offset), {@code normalization}, {@code processedAt} and {@code pipelineVersion}. Absent
     * optional values are JSON nulls; times are ISO-8601 instants.
     */
    public ObjectNode label(Article article) {
        ObjectNode label = JSON.createObjectNode();
        label.put("machineTranslated", machineTranslated(article));
        label.put("language", article.getLanguage());
        label.put("declaredLanguage", article.getDeclaredLanguage());
        label.put("detectedLanguage", article.getDetectedLanguage());
        label.put("detectionConfidence", article.getDetectionConfidence());
        Translation translation = article.getTranslation();
        if (translation == null) {
            label.putNull("translation");
        } else {
            label.putObject("translation")
                    .put("engine", translation.getEngine())
                    .put("engineModel", translation.getEngineModel())
                    .put("sourceLanguage", translation.getSourceLanguage())
                    .put("detectionConfidence", translation.getDetectionConfidence())
                    .put("engineDetectedLanguage", translation.getEngineDetectedLanguage())
                    .put("languageDisagreement", translation.getLanguageDisagreement())
                    .put("originalArticleId", translation.getOriginalArticleId())
                    .put("originalUri", translation.getOriginalUri())
                    .put("settingsFingerprint", translation.getSettingsFingerprint())
                    .put("translatedAt", instant(translation.getTranslatedAt()))
                    .put("billedCharacters", translation.getBilledCharacters())
                    .put("digitalSourceType", DigitalSourceTypes.uri(translation));
        }
        label.put("editorialReview", article.getEditorialReview());
        ArrayNode flags = label.putArray("qualityFlags");
        for (QualityFlag flag : article.getQualityFlags()) {
            flags.addObject()
                    .put("code", flag.getCode())
                    .put("message", flag.getMessage())
                    .put("text", flag.getText())
                    .put("paragraph", flag.getParagraph())
                    .put("offset", flag.getOffset());
        }
        ArrayNode rules = label.putArray("normalization");
        article.getNormalization().forEach(rules::add);
        label.put("processedAt", instant(article.getProcessedAt()));
        label.put("pipelineVersion", article.getPipelineVersion());
        return label;
    }

    /** The label in words, for the item's editorial note (always English: it is for staff, not readers). */
    static String editorialNote(Article article) {
        Translation translation = article.getTranslation();
        List<String> sentences = new ArrayList<>();
        if (!machineTranslated(article)) {
            sentences.add("Not machine-translated: published in its original language, "
                    + languageName(article.getDetectedLanguage()));
        } else if (translation == null) {
            sentences.add("Machine-translated (engine not recorded); " + reviewed(article));
        } else {
            String engine = EngineNames.displayName(translation.getEngine());
            StringBuilder made = new StringBuilder("Machine-translated from ")
                    .append(languageName(translation.getSourceLanguage())).append(" by ").append(engine);
            List<String> details = new ArrayList<>();
            if (translation.getEngineModel() != null && !translation.getEngineModel().isBlank()) {
                details.add("model " + translation.getEngineModel());
            }
            if (!translation.getSettingsFingerprint().isBlank()) {
                details.add("settings " + translation.getSettingsFingerprint());
            }
            if (!details.isEmpty()) {
                made.append(" (").append(String.join(", ", details)).append(')');
            }
            sentences.add(made.append("; ").append(reviewed(article)).toString());
            StringBuilder source = new StringBuilder("Source language: ");
            if (article.getDeclaredLanguage() != null) {
                source.append("declared ").append(article.getDeclaredLanguage()).append(", ");
            }
            source.append("detected ").append(article.getDetectedLanguage())
                    .append(String.format(Locale.ROOT, " (confidence %.2f)", translation.getDetectionConfidence()));
            if (translation.getEngineDetectedLanguage() != null) {
                source.append(", ").append(engine).append(" reported ").append(translation.getEngineDetectedLanguage());
            }
            if (translation.getLanguageDisagreement()) {
                source.append("; these disagree: check which language the original is in");
            }
            sentences.add(source.toString());
        }
        List<QualityFlag> flags = article.getQualityFlags();
        if (!flags.isEmpty()) {
            List<String> doubts = flags.stream().map(flag -> flag.getCode() + ": " + flag.getMessage()).toList();
            sentences.add("Quality flags (" + flags.size() + "): " + String.join("; ", doubts));
        } else if (machineTranslated(article)) {
            sentences.add("No quality flags");
        }
        return String.join(". ", sentences) + ".";
    }

    /** Whether to label the item as a machine translation: when the article says so, or carries a translation block. */
    private static boolean machineTranslated(Article article) {
        return article.getMachineTranslated() || article.getTranslation() != null;
    }

    private static String reviewed(Article article) {
        return article.getEditorialReview() ? "reviewed by an editor" : "not reviewed by an editor";
    }

    /** "French (fr)" for {@code fr}; the code alone when Java does not know its name. */
    private static String languageName(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() || name.equalsIgnoreCase(code) ? code : name + " (" + code + ")";
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String json(ObjectNode node, Article article) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write ninjs for article " + article.getId(), e);
        }
    }

    /** Property names that differ between the versions: 2.x writes them in lower case, 3.x in camelCase. */
    private static final class Names {
        final String versionCreated;
        final String contentType;
        final String charCount;
        final String edNote;
        final String altIds;
        final String infoSources;
        final String digitalSourceType;

        Names(NinjsVersion version) {
            boolean lower = version == NinjsVersion.V2_2;
            versionCreated = lower ? "versioncreated" : "versionCreated";
            contentType = lower ? "contenttype" : "contentType";
            charCount = lower ? "charcount" : "charCount";
            edNote = lower ? "ednote" : "edNote";
            altIds = lower ? "altids" : "altIds";
            infoSources = lower ? "infosources" : "infoSources";
            digitalSourceType = lower ? "digitalsourcetype" : "digitalSourceType";
        }
    }
}
