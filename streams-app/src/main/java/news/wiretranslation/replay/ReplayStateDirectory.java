package news.wiretranslation.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import news.wiretranslation.config.ServiceConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The replay instance's local state: {@code STATE_DIR/<replay id>}, Kafka Streams' directory for its application id.
 * {@code KafkaStreams#cleanUp} removes the task directories in it but leaves the directory itself, with the files Kafka
 * Streams keeps beside them (its process id), and warns "Failed to delete state store directory ... not empty"; a
 * finished replay removes all of it instead, since nothing there is of use once its outputs are written. Only this
 * directory: the live service's, beside it, is never touched.
 */
final class ReplayStateDirectory {
    private final Path directory;

    private ReplayStateDirectory(Path directory) {
        this.directory = directory;
    }

    /** {@code STATE_DIR} (Kafka Streams' default when unset) / the replay's application id. */
    static ReplayStateDirectory of(ServiceConfig replay) {
        String stateDir = replay.streams().stateDir()
                .orElse((String) StreamsConfig.configDef().defaultValues().get(StreamsConfig.STATE_DIR_CONFIG));
        return new ReplayStateDirectory(Path.of(stateDir, replay.applicationId()));
    }

    Path path() {
        return directory;
    }

    /** Deletes the directory and everything in it; nothing when it does not exist. Call after the instance closed. */
    void remove() {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the replay's state directory " + directory + ": " + e.getMessage(), e);
        }
    }
}
