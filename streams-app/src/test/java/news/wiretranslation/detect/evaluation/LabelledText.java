package news.wiretranslation.detect.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One text of the detection evaluation set ({@code src/test/resources/detection-eval}, see its README): the language
 * it is written in, where it comes from (treebank and sentence id), and the text.
 */
public record LabelledText(String language, String source, String text) {

    /** Reads {@code paragraphs.tsv} or {@code headlines.tsv} from the test class path. */
    public static List<LabelledText> load(String file) {
        String resource = "/detection-eval/" + file;
        try (InputStream in = LabelledText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<LabelledText> texts = new ArrayList<>();
            reader.readLine(); // header
            for (String line; (line = reader.readLine()) != null; ) {
                String[] fields = line.split("\t", 3);
                if (fields.length == 3) {
                    texts.add(new LabelledText(fields[0], fields[1], fields[2]));
                }
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
