package news.wiretranslation.review.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** The desk's HTML pages: jte templates (src/main/jte), compiled at build time, escaping every value. */
final class Pages {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    String render(String template, Object page) {
        StringOutput output = new StringOutput();
        engine.render(template, page, output);
        return output.toString();
    }
}
