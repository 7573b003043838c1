package dev.cordon.workforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.workforce.internal.LoginBuilder;
import dev.cordon.workforce.internal.Nodes;

/**
 * Google Workspace login audit: Admin SDK Reports API activities ({@code kind
 * admin#reports#activity}) of application {@code login}, as the API's {@code {"items": [...]}}
 * page, an array or JSON lines. Fields: {@code id.time}, {@code id.applicationName},
 * {@code actor.email}, {@code ipAddress}, {@code events[].name} ({@code login_success},
 * {@code login_failure}, {@code login_challenge}, {@code logout}, ...),
 * {@code networkInfo.regionCode} (country) and {@code networkInfo.ipAsn[0]}. Activities of other
 * applications are ignored.
 */
public final class GoogleLoginAuditParser extends JsonTreeLoginParser {
    public GoogleLoginAuditParser() {
        super(LoginFormat.GOOGLE);
    }

    @Override
    boolean read(JsonNode n, LoginBuilder b) {
        String app = Nodes.text(Nodes.at(n, "id", "applicationName"));
        if (!app.isEmpty() && !app.equals("login")) {
            return false;
        }
        b.time(Nodes.text(Nodes.at(n, "id", "time")));
        b.account = Nodes.text(Nodes.at(n, "actor", "email"));
        b.ip = Nodes.text(n.get("ipAddress"));
        JsonNode events = n.get("events");
        if (events != null && events.isArray()) {
            for (JsonNode e : events) {
                String name = Nodes.text(e.get("name"));
                if (b.eventType.isEmpty()) {
                    b.eventType = name;
                }
                if (name.equals("login_success")) {
                    b.outcome = Outcome.SUCCESS;
                    b.eventType = name;
                } else if (name.equals("login_failure") && b.outcome != Outcome.SUCCESS) {
                    b.outcome = Outcome.FAILURE;
                }
            }
        }
        b.country = Nodes.text(Nodes.at(n, "networkInfo", "regionCode"));
        JsonNode asns = Nodes.at(n, "networkInfo", "ipAsn");
        if (asns.isArray() && asns.size() > 0) {
            b.asn = Nodes.asn(asns.get(0));
        }
        return true;
    }
}
