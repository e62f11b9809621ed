package news.wiretranslation.registry;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The registry's base URLs in the order to try them: the one that last worked first, the others after it.
 *
 * <p>Remembering the URL that worked means that with one instance down, only the first request after the failure
 * pays for the connection attempt to it.
 */
final class RegistryUrlList {

    private final List<URI> urls;
    private final AtomicInteger preferred = new AtomicInteger();

    RegistryUrlList(List<URI> urls) {
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one URL is needed");
        }
        this.urls = List.copyOf(urls);
    }

    /** Every URL once, starting with the preferred one. */
    List<URI> inOrderToTry() {
        int start = preferred.get();
        List<URI> order = new ArrayList<>(urls.size());
        for (int i = 0; i < urls.size(); i++) {
            order.add(urls.get((start + i) % urls.size()));
        }
        return order;
    }

    /** {@code url} answered: prefer it from now on. */
    void succeeded(URI url) {
        int index = urls.indexOf(url);
        if (index >= 0) {
            preferred.set(index);
        }
    }

    /** The URLs as messages show them (they carry no credentials: the config rejects URLs that do). */
    String describe() {
        return urls.stream().map(URI::toString).collect(Collectors.joining(", "));
    }
}
