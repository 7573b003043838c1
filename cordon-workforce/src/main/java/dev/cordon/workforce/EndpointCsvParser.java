package dev.cordon.workforce;

import dev.cordon.workforce.internal.CsvColumns;
import dev.cordon.workforce.internal.CsvInput;
import dev.cordon.workforce.internal.RecordException;
import dev.cordon.workforce.internal.Texts;
import dev.cordon.workforce.internal.Times;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * cordon's endpoint inventory CSV (docs/WORKFORCE.md): one observation per row. Required:
 * {@code device}, {@code kind} ({@code process}, {@code software}, {@code service}, {@code domain},
 * {@code usb}, {@code locale}); optional: {@code time}, {@code account}, {@code name}, {@code path},
 * {@code usb_vendor_id}, {@code usb_product_id} (hex, with or without 0x), {@code usb_vendor},
 * {@code usb_product}, {@code usb_serial}, {@code usb_class}, {@code usb_protocol} (decimal).
 */
public final class EndpointCsvParser implements EndpointParser {
    @Override
    public void parse(InputStream in, String source, Consumer<EndpointObservation> sink, ParseReport report) {
        CsvInput.forEach(in, source, report, c -> {
            int time = c.find("time", "timestamp");
            int device = CsvInput.required(c, "device", "device", "host", "hostname");
            int kind = CsvInput.required(c, "kind", "kind", "type");
            int account = c.find("account", "user", "username");
            int name = c.find("name");
            int path = c.find("path");
            int[] usb = {c.find("usb_vendor_id", "vendor_id"), c.find("usb_product_id", "product_id"),
                c.find("usb_vendor", "vendor"), c.find("usb_product", "product"), c.find("usb_serial", "serial"),
                c.find("usb_class", "class"), c.find("usb_protocol", "protocol")};
            return (row, line) -> {
                String t = CsvColumns.cell(row, time);
                EndpointObservation.Kind k = kind(CsvColumns.cell(row, kind));
                UsbDevice u = k == EndpointObservation.Kind.USB ? usb(row, usb) : UsbDevice.NONE;
                sink.accept(new EndpointObservation(t.isEmpty() ? 0 : Times.parse(t), CsvColumns.cell(row, device),
                        Texts.account(CsvColumns.cell(row, account)), k, CsvColumns.cell(row, name),
                        CsvColumns.cell(row, path), u, source, line));
                report.accepted();
            };
        });
    }

    static EndpointObservation.Kind kind(String s) {
        try {
            return EndpointObservation.Kind.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RecordException("unknown kind '" + Texts.brief(s) + "' (process, software, service, domain, usb, locale)");
        }
    }

    private static UsbDevice usb(List<String> row, int[] c) {
        return new UsbDevice(hex(CsvColumns.cell(row, c[0])), hex(CsvColumns.cell(row, c[1])), CsvColumns.cell(row, c[2]),
                CsvColumns.cell(row, c[3]), CsvColumns.cell(row, c[4]), dec(CsvColumns.cell(row, c[5])),
                dec(CsvColumns.cell(row, c[6])));
    }

    /** A 16-bit hex id ({@code 1d6b}, {@code 0x1d6b}), or -1 when empty. */
    static int hex(String s) {
        String t = s.trim();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        if (t.isEmpty()) {
            return -1;
        }
        if (t.length() > 4) {
            throw new RecordException("USB id is not 16-bit hex: " + Texts.brief(s));
        }
        try {
            return Integer.parseInt(t, 16);
        } catch (NumberFormatException e) {
            throw new RecordException("USB id is not hex: " + Texts.brief(s));
        }
    }

    /** A 0..255 decimal (or 0x hex) class/protocol code, or -1 when empty. */
    static int dec(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return -1;
        }
        try {
            int v = t.startsWith("0x") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
            if (v < 0 || v > 255) {
                throw new RecordException("USB class/protocol out of range: " + t);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new RecordException("USB class/protocol is not a number: " + Texts.brief(s));
        }
    }
}
