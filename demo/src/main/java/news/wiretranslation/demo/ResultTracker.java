package news.wiretranslation.demo;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import news.wiretranslation.avro.Article;
import news.wiretranslation.avro.DeadLetter;
import news.wiretranslation.avro.RawArticle;
import news.wiretranslation.config.TargetLanguage;

/**
 * Knows what the demo sent and which results have come back, so that it can tell when every input has ended
 * somewhere for every target language, and sum up what happened.
 */
final class ResultTracker {
    /** Where an input record landed in the raw topic: dead letters refer to it this way. */
    record Position(int partition, long offset) {
    }

    private final List<TargetLanguage> targets;
    private final Map<String, RawArticle> sentByVersion = new HashMap<>();
    private final Set<Position> sent = new HashSet<>();
    private final Map<Position, String> versionAt = new HashMap<>();
    private final Set<String> settled = new HashSet<>();
    private int translated;
    private int passedThrough;
    private final Map<String, Integer> deadLetterReasons = new TreeMap<>();
    private final Map<String, Integer> perTopic = new TreeMap<>();
    /** Input records the demo will send in all (it may send them in rounds). */
    private int announced;

    ResultTracker(List<TargetLanguage> targets) {
        this.targets = List.copyOf(targets);
    }

    synchronized void sent(RawArticle article, Position position) {
        sentByVersion.put(versionKey(article.getId(), article.getRevision()), article);
        sent.add(position);
        versionAt.put(position, versionKey(article.getId(), article.getRevision()));
    }

    synchronized void sentMalformed(Position position) {
        sent.add(position);
    }

    synchronized RawArticle original(Article article) {
        return sentByVersion.get(versionKey(article.getId(), article.getVersion()));
    }

    synchronized void output(String topic, Article article) {
        perTopic.merge(topic, 1, Integer::sum);
        if (article.getMachineTranslated()) {
            translated++;
        } else {
            passedThrough++;
        }
        settled.add(versionKey(article.getId(), article.getVersion()) + "@" + article.getLanguage().toLowerCase());
    }

    synchronized void deadLetter(DeadLetter letter) {
        deadLetterReasons.merge(letter.getReason(), 1, Integer::sum);
        Position position = new Position(letter.getOriginalPartition(), letter.getOriginalOffset());
        String version = versionAt.getOrDefault(position, "offset:" + position);
        if (letter.getTargetLanguage() == null) {
            targets.forEach(t -> settled.add(version + "@" + t.bcp47().toLowerCase()));
        } else {
            settled.add(version + "@" + TargetLanguage.parse(letter.getTargetLanguage()).bcp47().toLowerCase());
        }
    }

    /** The demo will send {@code records} input records in all, in one round or more. */
    synchronized void announce(int records) {
        announced = records;
    }

    /** Results expected: one per input record (sent or announced) and target language. */
    synchronized int expected() {
        return Math.max(sent.size(), announced) * targets.size();
    }

    /** Every record sent so far has ended somewhere for every target language. */
    synchronized boolean sentAllSettled() {
        return settledCount() >= sent.size() * targets.size();
    }

    synchronized int settledCount() {
        return settled.size();
    }

    /** Every record announced was sent and has ended somewhere for every target language. */
    synchronized boolean complete() {
        return sent.size() >= announced && sentAllSettled();
    }

    synchronized int inputs() {
        return sent.size();
    }

    synchronized int translated() {
        return translated;
    }

    synchronized int passedThrough() {
        return passedThrough;
    }

    synchronized Map<String, Integer> deadLetterReasons() {
        return new TreeMap<>(deadLetterReasons);
    }

    synchronized Map<String, Integer> perTopic() {
        return new TreeMap<>(perTopic);
    }

    private static String versionKey(String id, int revision) {
        return id + "#" + revision;
    }
}
