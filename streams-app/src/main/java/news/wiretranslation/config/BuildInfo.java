package news.wiretranslation.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of wire-translation this process runs, stamped into every output and dead letter. */
public final class BuildInfo {
    private static final String VERSION = load();

    private BuildInfo() {
    }

    public static String pipelineVersion() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/wire-translation-version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return "wire-translation/" + properties.getProperty("pipeline.version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
