package news.wiretranslation.translate.deepl;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The service's version, as Maven filtered it into {@code wire-translation-version.properties}. DeepL sees it in the
 * User-Agent ({@code setAppInfo}), which helps their support match our traffic to a release.
 */
final class PipelineVersion {

    static final String UNKNOWN = "unknown";
    private static final String RESOURCE = "/wire-translation-version.properties";

    private PipelineVersion() {
    }

    static String read() {
        try (InputStream in = PipelineVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("pipeline.version", UNKNOWN).strip();
            // An unfiltered resource (e.g. run from an IDE without Maven) still holds the placeholder.
            return version.isEmpty() || version.startsWith("${") ? UNKNOWN : version;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
