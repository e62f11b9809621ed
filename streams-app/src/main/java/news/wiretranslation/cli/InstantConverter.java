package news.wiretranslation.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads points in time: {@code 2026-11-01T00:00Z}, {@code 2026-11-01T02:00+01:00}, or a date, {@code 2026-11-01} (midnight UTC). */
final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        String text = value.trim();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw new TypeConversionException("'" + value + "' is not a time such as 2026-11-01T00:00Z, "
                            + "2026-11-01T02:00+01:00 or 2026-11-01");
                }
            }
        }
    }
}
