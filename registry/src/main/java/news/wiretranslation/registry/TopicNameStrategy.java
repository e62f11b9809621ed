package news.wiretranslation.registry;

import java.util.Objects;

/**
 * Confluent's default subject naming: {@code <topic>-value} for values, {@code <topic>-key} for keys. Other
 * Confluent-compatible tools look schemas up under these subjects, so the serdes use no other.
 */
public final class TopicNameStrategy {

    private TopicNameStrategy() {
    }

    public static String subjectName(String topic, boolean isKey) {
        Objects.requireNonNull(topic, "topic: the subject name is derived from the topic");
        return topic + (isKey ? "-key" : "-value");
    }
}
