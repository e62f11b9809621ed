package news.wiretranslation.ninjs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.Translation;

/**
 * Writes a normalized {@link Article} as an IPTC ninjs 2.2 news item, so that newsroom systems that read ninjs can
 * take the service's output as it is.
 *
 * <p>ninjs 2.2 allows only its own properties (the schema sets {@code unevaluatedProperties: false}), so the 1.x
 * single fields ({@code headline}, {@code body_text}) are not used: the headline is {@code headlines[]} with role
 * {@code main} and the body one {@code bodies[]} entry in {@code text/plain}, paragraphs separated by blank lines.
 * A machine translation says so in ninjs' own terms: {@code digitalsourcetype} is IPTC's
 * {@value #TRAINED_ALGORITHMIC_MEDIA}, the engine is an {@code infosources} entry, the original article's id an
 * {@code altids} entry, and the disclaimer a {@code descriptions} entry with role {@code disclaimer}.
 */
public final class NinjsWriter {

    public static final String TRAINED_ALGORITHMIC_MEDIA =
            "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The item as a JSON tree. */
    public ObjectNode toNinjs(Article article) {
        ObjectNode item = JSON.createObjectNode();
        item.put("uri", article.getUri());
        item.put("type", "text");
        item.put("version", Integer.toString(article.getVersion()));
        item.put("versioncreated", article.getVersionCreated().toString());
        item.put("language", article.getLanguage());
        item.putArray("headlines").addObject().put("role", "main").put("value", article.getHeadline());
        String bodyText = String.join("\n\n", article.getBody());
        item.putArray("bodies").addObject()
                .put("role", "text")
                .put("contenttype", "text/plain")
                .put("charcount", bodyText.length())
                .put("value", bodyText);
        ArrayNode altIds = item.putArray("altids");
        altIds.addObject().put("role", "id").put("value", article.getId());
        ArrayNode infoSources = item.putArray("infosources");
        infoSources.addObject().put("name", article.getSource()).put("role", "source");
        Translation translation = article.getTranslation();
        if (article.getMachineTranslated() && translation != null) {
            altIds.addObject().put("role", "originalid").put("value", translation.getOriginalArticleId());
            ObjectNode engine = infoSources.addObject().put("name", translation.getEngine()).put("role", "machinetranslation");
            if (translation.getEngineModel() != null) {
                engine.put("literal", translation.getEngineModel());
            }
            item.putObject("digitalsourcetype")
                    .put("uri", translation.getDigitalSourceType())
                    .put("name", "Trained algorithmic media");
            item.putArray("descriptions").addObject()
                    .put("role", "disclaimer")
                    .put("contenttype", "text/plain")
                    .put("value", translation.getDisclaimer());
        }
        return item;
    }

    /** The item as one line of JSON. */
    public String write(Article article) {
        try {
            return JSON.writeValueAsString(toNinjs(article));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write ninjs for article " + article.getId(), e);
        }
    }
}
