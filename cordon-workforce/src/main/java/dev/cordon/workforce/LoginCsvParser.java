package dev.cordon.workforce;

import dev.cordon.workforce.internal.CsvColumns;
import dev.cordon.workforce.internal.CsvInput;
import dev.cordon.workforce.internal.LoginBuilder;
import dev.cordon.workforce.internal.Nodes;
import dev.cordon.workforce.internal.RecordException;
import dev.cordon.workforce.internal.Times;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * cordon's login CSV (documented column by column in docs/WORKFORCE.md). Required columns:
 * {@code time} and {@code account}; optional: {@code ip}, {@code outcome}, {@code event_type},
 * {@code device_id}, {@code mfa_phone}, {@code user_agent}, {@code country}, {@code city},
 * {@code latitude}, {@code longitude}, {@code asn}, {@code as_org}, {@code is_proxy},
 * {@code tunnel_type}, {@code tunnel_operator}. The RBA data set's column names ({@code Login
 * Timestamp}, {@code User ID}, {@code IP Address}, {@code Login Successful}, ...) are accepted as
 * aliases, so its files read unchanged.
 */
public final class LoginCsvParser implements LoginLogParser {
    private final LoginBuilder b = new LoginBuilder();

    @Override
    public LoginFormat format() {
        return LoginFormat.CSV;
    }

    @Override
    public void parse(InputStream in, String source, Consumer<LoginEvent> sink, ParseReport report) {
        CsvInput.forEach(in, source, report, c -> bind(c, source, sink, report));
    }

    private CsvInput.RowReader bind(CsvColumns c, String source, Consumer<LoginEvent> sink, ParseReport report) {
        int time = CsvInput.required(c, "time", "time", "timestamp", "login_timestamp", "@timestamp");
        int account = CsvInput.required(c, "account", "account", "user_id", "user", "username", "upn");
        int ip = c.find("ip", "ip_address", "src_ip");
        int outcome = c.find("outcome", "login_successful", "result", "success");
        int type = c.find("event_type", "event", "action");
        int device = c.find("device_id", "device");
        int phone = c.find("mfa_phone", "phone");
        int ua = c.find("user_agent", "user_agent_string");
        int country = c.find("country", "country_code");
        int city = c.find("city");
        int lat = c.find("latitude", "lat");
        int lon = c.find("longitude", "lon");
        int asn = c.find("asn", "as_number");
        int asOrg = c.find("as_org", "isp");
        int proxy = c.find("is_proxy", "proxy");
        int tunnelType = c.find("tunnel_type");
        int tunnelOp = c.find("tunnel_operator");
        return (row, line) -> {
            b.reset();
            b.time = Times.parse(CsvColumns.cell(row, time));
            b.account = CsvColumns.cell(row, account);
            b.ip = dash(CsvColumns.cell(row, ip));
            b.outcome = outcome(CsvColumns.cell(row, outcome));
            b.eventType = CsvColumns.cell(row, type);
            b.deviceId = CsvColumns.cell(row, device);
            b.mfaPhone = CsvColumns.cell(row, phone);
            b.userAgent = CsvColumns.cell(row, ua);
            b.country = dash(CsvColumns.cell(row, country));
            b.city = dash(CsvColumns.cell(row, city));
            b.lat = Nodes.coordinate(TextNode.valueOf(CsvColumns.cell(row, lat)), 90);
            b.lon = Nodes.coordinate(TextNode.valueOf(CsvColumns.cell(row, lon)), 180);
            b.asn = Nodes.asn(TextNode.valueOf(CsvColumns.cell(row, asn)));
            b.asOrg = CsvColumns.cell(row, asOrg);
            b.proxy = truthy(CsvColumns.cell(row, proxy));
            b.tunnelType = CsvColumns.cell(row, tunnelType);
            b.tunnelOperator = CsvColumns.cell(row, tunnelOp);
            b.emit(source, line, sink, report);
        };
    }

    private static String dash(String s) {
        return s.equals("-") ? "" : s;
    }

    private static boolean truthy(String s) {
        return s.equalsIgnoreCase("true") || s.equals("1") || s.equalsIgnoreCase("yes");
    }

    static Outcome outcome(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "" -> Outcome.UNKNOWN;
            case "success", "true", "1", "allow", "ok", "yes" -> Outcome.SUCCESS;
            case "failure", "false", "0", "deny", "fail", "no" -> Outcome.FAILURE;
            default -> throw new RecordException("outcome must be success or failure: " + s);
        };
    }

    /** Column names in documentation order. */
    public static List<String> columns() {
        return List.of("time", "account", "ip", "outcome", "event_type", "device_id", "mfa_phone", "user_agent",
                "country", "city", "latitude", "longitude", "asn", "as_org", "is_proxy", "tunnel_type",
                "tunnel_operator");
    }
}
