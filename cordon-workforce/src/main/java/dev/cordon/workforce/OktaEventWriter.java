package dev.cordon.workforce;

import java.time.Instant;
import java.util.Locale;

/**
 * Writes Okta System Log LogEvents as JSON lines, with the fields Okta fills for sign-in and SSO
 * events. Used to generate realistic data for the demo, tests and the benchmark; reused
 * {@link StringBuilder}, no JSON library. Not thread-safe.
 */
public final class OktaEventWriter {
    /** One event's variable parts. */
    public record Event(long epochMillis, String uuid, String eventType, String account, String displayName, String ip,
                        String city, String country, double lat, double lon, long asn, String asOrg, boolean success,
                        String deviceFingerprint, String tunnelOperator, String userAgent) {
    }

    private final StringBuilder sb = new StringBuilder(1024);

    /** The event as one JSON line, without the newline. */
    public String line(Event e) {
        sb.setLength(0);
        sb.append("{\"uuid\":\"").append(e.uuid()).append("\",\"published\":\"").append(Instant.ofEpochMilli(e.epochMillis()))
                .append("\",\"eventType\":\"").append(e.eventType()).append("\",\"version\":\"0\",\"severity\":\"INFO\",")
                .append("\"displayMessage\":\"").append(e.eventType().startsWith("user.session") ? "User login to Okta" : "User single sign on to app")
                .append("\",\"actor\":{\"id\":\"00u").append(Integer.toHexString(e.account().hashCode() & 0x7fffffff))
                .append("\",\"type\":\"User\",\"alternateId\":\"").append(e.account()).append("\",\"displayName\":\"")
                .append(e.displayName()).append("\"},\"client\":{\"userAgent\":{\"rawUserAgent\":\"").append(e.userAgent())
                .append("\",\"os\":\"Windows 10\",\"browser\":\"CHROME\"},\"zone\":\"null\",\"device\":\"Computer\",")
                .append("\"ipAddress\":\"").append(e.ip()).append("\",\"geographicalContext\":{\"city\":\"").append(e.city())
                .append("\",\"country\":\"").append(new Locale("", e.country()).getDisplayCountry(Locale.ENGLISH))
                .append("\",\"geolocation\":{\"lat\":").append(e.lat()).append(",\"lon\":").append(e.lon()).append("}}},")
                .append("\"outcome\":{\"result\":\"").append(e.success() ? "SUCCESS" : "FAILURE").append("\"},")
                .append("\"target\":[],\"transaction\":{\"type\":\"WEB\",\"id\":\"").append(e.uuid(), 0, 8).append("\"},")
                .append("\"debugContext\":{\"debugData\":{\"requestUri\":\"/idp/idx/authenticators/poll\",")
                .append("\"deviceFingerprint\":\"").append(e.deviceFingerprint()).append('"');
        if (!e.tunnelOperator().isEmpty()) {
            sb.append(",\"tunnels\":\"[{\\\"anonymous\\\":true,\\\"operator\\\":\\\"").append(e.tunnelOperator())
                    .append("\\\",\\\"type\\\":\\\"VPN\\\"}]\"");
        }
        sb.append("}},\"authenticationContext\":{\"authenticationStep\":0,\"externalSessionId\":\"102")
                .append(e.uuid(), 0, 12).append("\"},\"securityContext\":{\"asNumber\":").append(e.asn())
                .append(",\"asOrg\":\"").append(e.asOrg()).append("\",\"isp\":\"").append(e.asOrg())
                .append("\",\"domain\":null,\"isProxy\":").append(!e.tunnelOperator().isEmpty()).append("}}");
        return sb.toString();
    }
}
