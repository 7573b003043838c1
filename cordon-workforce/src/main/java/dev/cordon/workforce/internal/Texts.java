package dev.cordon.workforce.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Normalisation of identifiers, phones, bank accounts and addresses, done once at the parser. */
public final class Texts {
    private Texts() {
    }

    /** The first non-empty value, or the empty string. */
    public static String first(String... values) {
        for (String v : values) {
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    public static String account(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }

    /** Digits with a leading '+' when the input had one; empty when fewer than 6 digits. */
    public static String phone(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        String t = s.trim();
        if (t.startsWith("+") || t.startsWith("00")) {
            sb.append('+');
            t = t.startsWith("00") ? t.substring(2) : t.substring(1);
        }
        int digits = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
                digits++;
            }
        }
        return digits < 6 ? "" : sb.toString();
    }

    /** Upper-case letters and digits only (IBAN spacing and dashes removed). */
    public static String bank(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 128) {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }

    /** Lower-case words separated by one space, punctuation dropped. */
    public static String address(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(Character.toLowerCase(c));
                space = false;
            } else {
                space = true;
            }
        }
        return sb.toString();
    }

    /** Splits on ';' or '|' and trims, dropping empty parts. */
    public static List<String> list(String s) {
        List<String> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        for (String p : s.split("[;|]")) {
            String t = p.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    /** The upper-cased value when it is an ISO alpha-2 code, else empty. */
    public static String country(String s) {
        if (s == null) {
            return "";
        }
        String t = s.trim().toUpperCase(Locale.ROOT);
        return t.length() == 2 && Character.isLetter(t.charAt(0)) && Character.isLetter(t.charAt(1))
                && t.charAt(0) < 128 && t.charAt(1) < 128 ? t : "";
    }

    /** Shortens text for a one-line reason. */
    public static String brief(String s) {
        return Times.abbreviate(s.replace('\n', ' ').replace('\r', ' '));
    }
}
