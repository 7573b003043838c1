package dev.cordon.workforce.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Country name or code to ISO alpha-2. Identity providers differ: Okta writes English names
 * ({@code "United States"}), Entra and Google write codes. Names come from the JDK's English
 * display names plus a few common variants.
 */
public final class CountryNames {
    private static final Map<String, String> BY_NAME = build();
    private static final int MEMO_LIMIT = 4096;
    /** Results by input text: parsers pass the same few strings again and again. */
    private static final Map<String, String> MEMO = new ConcurrentHashMap<>();

    private CountryNames() {
    }

    /** ISO alpha-2 for a code or English name, or empty when unknown. */
    public static String iso(String s) {
        if (s == null) {
            return "";
        }
        String known = MEMO.get(s);
        if (known != null) {
            return known;
        }
        String iso = lookup(s);
        if (MEMO.size() < MEMO_LIMIT) {
            MEMO.put(s, iso);
        }
        return iso;
    }

    private static String lookup(String s) {
        String t = s.trim();
        if (t.length() == 2) {
            return Texts.country(t);
        }
        String v = BY_NAME.get(t.toLowerCase(Locale.ROOT));
        return v == null ? "" : v;
    }

    private static Map<String, String> build() {
        Map<String, String> m = new HashMap<>();
        for (String iso : Locale.getISOCountries()) {
            Locale l = new Locale("", iso);
            m.put(l.getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), iso);
            m.put(l.getISO3Country().toLowerCase(Locale.ROOT), iso);
        }
        m.put("usa", "US");
        m.put("united states of america", "US");
        m.put("uk", "GB");
        m.put("great britain", "GB");
        m.put("russian federation", "RU");
        m.put("korea, republic of", "KR");
        m.put("republic of korea", "KR");
        m.put("korea, democratic people's republic of", "KP");
        m.put("viet nam", "VN");
        m.put("czechia", "CZ");
        m.put("türkiye", "TR");
        m.put("hong kong sar china", "HK");
        return m;
    }
}
