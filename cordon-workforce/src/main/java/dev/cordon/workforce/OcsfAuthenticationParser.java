package dev.cordon.workforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.workforce.internal.LoginBuilder;
import dev.cordon.workforce.internal.Nodes;
import dev.cordon.workforce.internal.Texts;
import dev.cordon.workforce.internal.Times;

/**
 * OCSF Authentication events ({@code class_uid} 3002); other classes are ignored. Fields:
 * {@code time} (epoch ms) or {@code time_dt}, {@code user.email_addr|name|uid},
 * {@code src_endpoint.ip}, {@code src_endpoint.location.country/city/coordinates} (GeoJSON order
 * [lon, lat]; the older {@code lat}/{@code long} also read), {@code src_endpoint.autonomous_system},
 * {@code device.uid|hostname}, {@code status_id} (1 success, 2 failure), {@code activity_name},
 * {@code http_request.user_agent}.
 */
public final class OcsfAuthenticationParser extends JsonTreeLoginParser {
    /** OCSF class of Authentication events. */
    public static final int CLASS_AUTHENTICATION = 3002;

    public OcsfAuthenticationParser() {
        super(LoginFormat.OCSF);
    }

    @Override
    boolean read(JsonNode n, LoginBuilder b) {
        if (Nodes.number(n.get("class_uid")) != CLASS_AUTHENTICATION) {
            return false;
        }
        JsonNode time = n.get("time");
        if (time != null && time.isNumber()) {
            b.time = Times.fromNumber(time.doubleValue());
        } else if (!Nodes.text(n.get("time_dt")).isEmpty()) {
            b.time = Times.parse(Nodes.text(n.get("time_dt")));
        } else if (time != null && time.isTextual()) {
            b.time = Times.parse(time.asText());
        }
        JsonNode user = n.get("user");
        b.account = Texts.first(Nodes.text(Nodes.at(user, "email_addr")), Nodes.text(Nodes.at(user, "name")),
                Nodes.text(Nodes.at(user, "uid")));
        JsonNode src = Nodes.at(n, "src_endpoint");
        b.ip = Nodes.text(src.get("ip"));
        b.deviceId = Texts.first(Nodes.text(Nodes.at(n, "device", "uid")), Nodes.text(Nodes.at(n, "device", "hostname")));
        double status = Nodes.number(n.get("status_id"));
        b.outcome = status == 1 ? Outcome.SUCCESS : status == 2 ? Outcome.FAILURE : Outcome.UNKNOWN;
        b.eventType = Texts.first(Nodes.text(n.get("activity_name")), Nodes.text(n.get("type_name")));
        b.userAgent = Nodes.text(Nodes.at(n, "http_request", "user_agent"));
        JsonNode loc = Nodes.at(src, "location");
        b.country = Nodes.text(loc.get("country"));
        b.city = Nodes.text(loc.get("city"));
        JsonNode coords = loc.get("coordinates");
        if (coords != null && coords.isArray() && coords.size() == 2) {
            b.lon = Nodes.coordinate(coords.get(0), 180);
            b.lat = Nodes.coordinate(coords.get(1), 90);
        } else {
            b.lat = Nodes.coordinate(loc.get("lat"), 90);
            b.lon = Nodes.coordinate(loc.get("long"), 180);
        }
        b.asn = Nodes.asn(Nodes.at(src, "autonomous_system", "number"));
        b.asOrg = Nodes.text(Nodes.at(src, "autonomous_system", "name"));
        return true;
    }
}
