package news.wiretranslation.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of wire-translation this process runs, stamped into every output and dead letter. */
public final class BuildInfo {
    private static final String UNKNOWN = "unknown";
    private static final String VERSION = load();

    private BuildInfo() {
    }

    /** The release, e.g. {@code 0.1.0}; DeepL sees it in the User-Agent, which helps match traffic to a release. */
    public static String version() {
        return VERSION;
    }

    /** What outputs carry in {@code pipelineVersion}: {@code wire-translation/0.1.0}. */
    public static String pipelineVersion() {
        return "wire-translation/" + VERSION;
    }

    private static String load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/wire-translation-version.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("pipeline.version", UNKNOWN).strip();
            // An unfiltered resource (run from an IDE without Maven) still holds the placeholder.
            return version.isEmpty() || version.startsWith("${") ? UNKNOWN : version;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
