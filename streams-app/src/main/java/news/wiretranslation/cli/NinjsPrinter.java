package news.wiretranslation.cli;

import java.io.PrintWriter;

import news.wiretranslation.avro.Article;
import news.wiretranslation.ninjs.NinjsVersion;
import news.wiretranslation.ninjs.NinjsWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * {@code --format ninjs}: one IPTC ninjs item (version 2.2 or 3.1, {@code --ninjs-version}) per line for each
 * normalized article. Other records have no ninjs form; they are named on standard error so that standard output
 * stays a clean ninjs stream.
 */
final class NinjsPrinter implements RecordPrinter {
    private final PrintWriter out;
    private final PrintWriter err;
    private final NinjsVersion version;
    private final NinjsWriter writer = new NinjsWriter();

    NinjsPrinter(PrintWriter out, PrintWriter err, NinjsVersion version) {
        this.out = out;
        this.err = err;
        this.version = version;
    }

    @Override
    public void print(RecordPosition where, SpecificRecord value) {
        if (value instanceof Article article) {
            out.println(writer.write(article, version));
            out.flush();
        } else {
            err.println("Skipped " + where + ": a " + value.getSchema().getName() + " has no ninjs form (use --format json)");
            err.flush();
        }
    }
}
