package news.wiretranslation.detect.evaluation;

import java.util.List;

/**
 * One text of the detection evaluation set ({@code src/test/resources/detection-eval}, see its README): the language
 * it is written in, where it comes from (treebank and sentence id), and the text.
 */
public record LabelledText(String language, String source, String text) {

    /** Reads {@code paragraphs.tsv} or {@code headlines.tsv} from the test class path. */
    public static List<LabelledText> load(String file) {
        return TsvResource.rows("/detection-eval/" + file).stream()
                .map(fields -> new LabelledText(fields[0], fields[1], fields[2])).toList();
    }
}
