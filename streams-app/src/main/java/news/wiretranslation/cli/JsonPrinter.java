package news.wiretranslation.cli;

import java.io.PrintWriter;

import org.apache.avro.specific.SpecificRecord;

/** {@code --format json}: one JSON object per line, the record's fields as {@link AvroJson} writes them. */
final class JsonPrinter implements RecordPrinter {
    private final PrintWriter out;

    JsonPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void print(RecordPosition where, SpecificRecord value) {
        out.println(AvroJson.toJson(value).toString());
        out.flush();
    }
}
