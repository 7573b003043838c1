package dev.cordon.workforce;

/**
 * How workforce findings name their subject: {@code account:<login>}, {@code device:<host>} or
 * {@code person:<id>}. The risk view joins subjects into persons.
 */
public final class Subjects {
    public static final String ACCOUNT = "account:";
    public static final String DEVICE = "device:";
    public static final String PERSON = "person:";

    private Subjects() {
    }

    public static String account(String a) {
        return ACCOUNT + a;
    }

    public static String device(String d) {
        return DEVICE + d;
    }

    public static String person(String p) {
        return PERSON + p;
    }
}
