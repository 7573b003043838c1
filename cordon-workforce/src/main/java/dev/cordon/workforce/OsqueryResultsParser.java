package dev.cordon.workforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.workforce.internal.JsonInput;
import dev.cordon.workforce.internal.Nodes;
import dev.cordon.workforce.internal.RecordException;
import dev.cordon.workforce.internal.Texts;
import dev.cordon.workforce.internal.Times;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * osquery results: the daemon's results log (event format {@code {"name", "hostIdentifier",
 * "unixTime", "columns", "action"}}, snapshot format {@code {"snapshot": [...]}} and batch format
 * {@code {"diffResults": {"added": [...]}}}) and {@code osqueryi --json} output (an array of rows;
 * the device is then the row's {@code hostname} or the file name). Rows removed in a differential
 * result are ignored. The table is told by the query name or by its columns: {@code processes}
 * ({@code pid}, {@code name}, {@code path}), {@code usb_devices} ({@code vendor_id}, {@code model_id},
 * {@code vendor}, {@code model}, {@code serial}, {@code class}, {@code protocol}), {@code programs},
 * {@code apps}, {@code deb_packages}/{@code rpm_packages} (software), {@code services}; a
 * {@code domain} column gives a contacted domain.
 */
public final class OsqueryResultsParser implements EndpointParser {
    @Override
    public void parse(InputStream in, String source, Consumer<EndpointObservation> sink, ParseReport report) {
        String fallbackDevice = source.replaceAll("^.*[/\\\\]", "").replaceAll("\\.[^.]*$", "");
        JsonInput.forEach(in, source, report, (p, line) -> {
            JsonNode n = p.readValueAsTree();
            Context ctx = new Context(source, line, report, sink, fallbackDevice);
            if (n.has("columns")) {
                if ("removed".equals(Nodes.text(n.get("action")))) {
                    report.ignored();
                    return;
                }
                ctx.row(n, n.get("columns"));
            } else if (n.has("snapshot")) {
                rows(ctx, n, n.get("snapshot"));
            } else if (n.has("diffResults")) {
                rows(ctx, n, Nodes.at(n, "diffResults", "added"));
                JsonNode removed = Nodes.at(n, "diffResults", "removed");
                for (int i = 0; i < removed.size(); i++) {
                    report.ignored();
                }
            } else {
                ctx.row(n, n);
            }
        });
    }

    private static void rows(Context ctx, JsonNode envelope, JsonNode rows) {
        if (rows == null || !rows.isArray()) {
            throw new RecordException("results without a rows array");
        }
        for (JsonNode r : rows) {
            ctx.row(envelope, r);
        }
    }

    private record Context(String source, long line, ParseReport report, Consumer<EndpointObservation> sink,
                           String fallbackDevice) {
        void row(JsonNode envelope, JsonNode row) {
            if (row == null || !row.isObject()) {
                report.skipped(source, line, "result row is not an object");
                return;
            }
            String query = Nodes.text(envelope.get("name")).toLowerCase(Locale.ROOT);
            String device = Texts.first(Nodes.text(envelope.get("hostIdentifier")),
                    Nodes.text(Nodes.at(envelope, "decorations", "hostname")), Nodes.text(row.get("hostname")),
                    fallbackDevice);
            String account = Texts.account(Texts.first(Nodes.text(row.get("username")),
                    Nodes.text(row.get("user")), Nodes.text(Nodes.at(envelope, "decorations", "username"))));
            long time = time(envelope);
            EndpointObservation o = observation(query, row, device, account, time);
            if (o == null) {
                report.ignored();
                return;
            }
            report.accepted();
            sink.accept(o);
        }

        private EndpointObservation observation(String query, JsonNode r, String device, String account, long time) {
            String name = Nodes.text(r.get("name"));
            String path = Texts.first(Nodes.text(r.get("path")),
                    Nodes.text(r.get("install_location")));
            EndpointObservation.Kind kind;
            UsbDevice usb = UsbDevice.NONE;
            if (query.contains("usb") || r.has("vendor_id") && r.has("model_id")) {
                kind = EndpointObservation.Kind.USB;
                usb = new UsbDevice(EndpointCsvParser.hex(Nodes.text(r.get("vendor_id"))),
                        EndpointCsvParser.hex(Nodes.text(r.get("model_id"))), Nodes.text(r.get("vendor")),
                        Nodes.text(r.get("model")), Nodes.text(r.get("serial")),
                        EndpointCsvParser.dec(Nodes.text(r.get("class"))), EndpointCsvParser.dec(Nodes.text(r.get("protocol"))));
                name = usb.product();
            } else if (r.has("domain")) {
                kind = EndpointObservation.Kind.DOMAIN;
                name = Nodes.text(r.get("domain"));
            } else if (query.contains("service") || r.has("service_type") || r.has("start_type")) {
                kind = EndpointObservation.Kind.SERVICE;
            } else if (query.contains("process") || r.has("pid")) {
                kind = EndpointObservation.Kind.PROCESS;
            } else if (r.has("version") || r.has("bundle_identifier") || query.contains("program")
                    || query.contains("apps") || query.contains("package")) {
                kind = EndpointObservation.Kind.SOFTWARE;
            } else {
                return null;
            }
            if (kind != EndpointObservation.Kind.USB && name.isEmpty() && path.isEmpty()) {
                throw new RecordException("row has neither name nor path");
            }
            return new EndpointObservation(time, device, account, kind, name, path, usb, source, line);
        }

        private static long time(JsonNode envelope) {
            JsonNode t = envelope.get("unixTime");
            if (t == null) {
                return 0;
            }
            double v = Nodes.number(t);
            return Double.isNaN(v) ? 0 : Times.fromNumber(v);
        }
    }
}
