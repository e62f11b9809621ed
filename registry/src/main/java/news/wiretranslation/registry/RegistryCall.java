package news.wiretranslation.registry;

/**
 * One request to the registry, described the way error messages name it: the method, the URL path and what the
 * request was about (a subject or a schema id), so that an operator can replay it with curl.
 *
 * @param method HTTP method
 * @param path   URL path below the registry's base URL, subject already URL-encoded
 * @param about  what the request concerns, e.g. {@code subject 'articles.raw-value'} or {@code schema id 42}
 * @param body   the JSON request body, or {@code null} for a GET
 */
record RegistryCall(String method, String path, String about, String body) {

    static RegistryCall get(String path, String about) {
        return new RegistryCall("GET", path, about, null);
    }

    static RegistryCall post(String path, String about, String body) {
        return new RegistryCall("POST", path, about, body);
    }

    /** How messages start: {@code POST /subjects/x/versions (subject 'x')}. */
    String describe() {
        return method + " " + path + " (" + about + ")";
    }
}
