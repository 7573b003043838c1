package dev.cordon.workforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cordon.workforce.internal.LoginBuilder;
import dev.cordon.workforce.internal.Nodes;
import dev.cordon.workforce.internal.Texts;

/**
 * Microsoft Entra ID sign-in logs, in both spellings: Microsoft Graph {@code signIn} resources
 * ({@code /auditLogs/signIns}, camelCase, optionally inside {@code {"value": [...]}}) and Log
 * Analytics / Sentinel {@code SigninLogs} rows (PascalCase; dynamic columns as objects or as JSON
 * text). Field names are matched ignoring case, so both spellings share one mapping:
 * {@code createdDateTime|CreatedDateTime|TimeGenerated}, {@code userPrincipalName},
 * {@code ipAddress}, {@code status.errorCode|ResultType} (0 is success),
 * {@code deviceDetail.deviceId}, {@code location|LocationDetails .city/.countryOrRegion/.geoCoordinates},
 * {@code Location} (country code, Log Analytics), {@code autonomousSystemNumber},
 * {@code userAgent}.
 */
public final class EntraSignInParser extends JsonTreeLoginParser {
    public EntraSignInParser() {
        super(LoginFormat.ENTRA);
    }

    @Override
    boolean read(JsonNode n, LoginBuilder b) {
        b.time(Texts.first(Nodes.text(Nodes.ci(n, "createdDateTime")), Nodes.text(Nodes.ci(n, "TimeGenerated"))));
        b.account = Nodes.text(Nodes.ci(n, "userPrincipalName"));
        b.ip = Nodes.text(Nodes.ci(n, "ipAddress"));
        b.eventType = "signIn";
        b.outcome = outcome(n);
        JsonNode device = Nodes.object(Nodes.ci(n, "deviceDetail"));
        b.deviceId = Nodes.text(Nodes.ci(device, "deviceId"));
        b.userAgent = Nodes.text(Nodes.ci(n, "userAgent"));
        b.asn = Nodes.asn(Nodes.ci(n, "autonomousSystemNumber"));
        location(n, b);
        return true;
    }

    private static Outcome outcome(JsonNode n) {
        JsonNode status = Nodes.object(Nodes.ci(n, "status"));
        String code = Nodes.text(Nodes.ci(status, "errorCode"));
        if (code.isEmpty()) {
            code = Nodes.text(Nodes.ci(n, "ResultType"));
        }
        if (code.isEmpty()) {
            return Outcome.UNKNOWN;
        }
        return code.equals("0") ? Outcome.SUCCESS : Outcome.FAILURE;
    }

    private static void location(JsonNode n, LoginBuilder b) {
        JsonNode loc = Nodes.object(Nodes.ci(n, "LocationDetails"));
        JsonNode plain = Nodes.ci(n, "location");
        if (loc.isMissingNode()) {
            loc = Nodes.object(plain);
        }
        b.city = Nodes.text(Nodes.ci(loc, "city"));
        b.country = Nodes.text(Nodes.ci(loc, "countryOrRegion"));
        if (b.country.isEmpty() && plain.isTextual()) {
            b.country = plain.asText();
        }
        JsonNode geo = Nodes.ci(loc, "geoCoordinates");
        b.lat = Nodes.coordinate(Nodes.ci(geo, "latitude"), 90);
        b.lon = Nodes.coordinate(Nodes.ci(geo, "longitude"), 180);
    }
}
