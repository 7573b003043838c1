package dev.cordon.workforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.workforce.internal.LoginBuilder;
import dev.cordon.workforce.internal.Nodes;
import dev.cordon.workforce.internal.Texts;

/**
 * Elastic Common Schema documents whose {@code event.category} holds {@code authentication}
 * (others are ignored); nested or dotted field names. Fields: {@code @timestamp},
 * {@code user.email|user.name|user.id}, {@code source.ip}, {@code source.geo.country_iso_code},
 * {@code source.geo.city_name}, {@code source.geo.location.lat/lon}, {@code source.as.number},
 * {@code source.as.organization.name}, {@code event.outcome}, {@code event.action},
 * {@code host.id|host.name}, {@code user_agent.original}.
 */
public final class EcsAuthenticationParser extends JsonTreeLoginParser {
    public EcsAuthenticationParser() {
        super(LoginFormat.ECS);
    }

    @Override
    boolean read(JsonNode n, LoginBuilder b) {
        if (!isAuthentication(Nodes.dotted(n, "event.category"))) {
            return false;
        }
        b.time(Nodes.text(n.get("@timestamp")));
        b.account = Texts.first(Nodes.text(Nodes.dotted(n, "user.email")),
                Nodes.text(Nodes.dotted(n, "user.name")), Nodes.text(Nodes.dotted(n, "user.id")));
        b.ip = Nodes.text(Nodes.dotted(n, "source.ip"));
        String outcome = Nodes.text(Nodes.dotted(n, "event.outcome"));
        b.outcome = outcome.equals("success") ? Outcome.SUCCESS : outcome.equals("failure") ? Outcome.FAILURE
                : Outcome.UNKNOWN;
        b.eventType = Nodes.text(Nodes.dotted(n, "event.action"));
        b.deviceId = Texts.first(Nodes.text(Nodes.dotted(n, "host.id")),
                Nodes.text(Nodes.dotted(n, "host.name")));
        b.userAgent = Nodes.text(Nodes.dotted(n, "user_agent.original"));
        b.country = Nodes.text(Nodes.dotted(n, "source.geo.country_iso_code"));
        b.city = Nodes.text(Nodes.dotted(n, "source.geo.city_name"));
        JsonNode loc = Nodes.dotted(n, "source.geo.location");
        b.lat = Nodes.coordinate(loc.get("lat"), 90);
        b.lon = Nodes.coordinate(loc.get("lon"), 180);
        b.asn = Nodes.asn(Nodes.dotted(n, "source.as.number"));
        b.asOrg = Nodes.text(Nodes.dotted(n, "source.as.organization.name"));
        return true;
    }

    private static boolean isAuthentication(JsonNode category) {
        if (category.isArray()) {
            for (JsonNode c : category) {
                if ("authentication".equals(Nodes.text(c))) {
                    return true;
                }
            }
            return false;
        }
        return "authentication".equals(Nodes.text(category));
    }
}
