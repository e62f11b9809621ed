package news.wiretranslation.topology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per story (the record key), the articles of the translate step in arrival order: a revision is emitted only after
 * those before it, so a story's revisions leave in the order they came, however their translations finish.
 * Touched by the stream thread only.
 */
final class StoryOrder {
    private final Map<String, ArrayDeque<PendingTranslation>> byStory = new HashMap<>();

    /** True when articles of this story wait: a new one must wait behind them. */
    boolean isWaiting(String key) {
        return byStory.containsKey(key);
    }

    void add(PendingTranslation translation) {
        byStory.computeIfAbsent(translation.article().key(), k -> new ArrayDeque<>()).addLast(translation);
    }

    /** The articles of this story still waiting, oldest first. */
    List<PendingTranslation> waiting(String key) {
        ArrayDeque<PendingTranslation> queue = byStory.get(key);
        return queue == null ? List.of() : List.copyOf(queue);
    }

    /** Takes the story's finished articles, oldest first, up to the first one that is not finished. */
    List<PendingTranslation> takeFinished(String key) {
        ArrayDeque<PendingTranslation> queue = byStory.get(key);
        if (queue == null) {
            return List.of();
        }
        List<PendingTranslation> ready = new ArrayList<>();
        while (!queue.isEmpty() && queue.peekFirst().isFinished()) {
            ready.add(queue.pollFirst());
        }
        if (queue.isEmpty()) {
            byStory.remove(key);
        }
        return ready;
    }

    void clear() {
        byStory.clear();
    }
}
