package dev.cordon.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One attribution: who says what about an address or transaction, how sure they are, and
 * while it held. Labels are never deleted when a list drops them; they are closed by setting
 * {@link #validTo()}.
 *
 * @param subject    the labelled address or transaction
 * @param name       what the address is called ({@code Lazarus Group}, {@code Binance 14})
 * @param category   what it is, from the taxonomy
 * @param abuse      the abuse it is tied to when that differs from the category (a {@code user}
 *                   listed for {@code sanction}); empty otherwise
 * @param actor      id of the real-world actor behind it ({@code lazarusgroup}), when known
 * @param source     where the attribution comes from: a URI or a file name, never empty
 * @param confidence how sure the source is
 * @param validFrom  since when the attribution holds (first seen in its list when unknown)
 * @param validTo    when it stopped holding (delisted, dropped from a newer list); empty while it holds
 * @param addedBy    who added it (the pack's creator, {@code OFAC}, an analyst's name)
 * @param addedAt    when it was stored
 * @param dataset    the list it was imported from ({@code ofac-sdn}); re-importing a dataset closes
 *                   the labels the new version no longer has
 * @param note       free text from the source (programme, context); may be empty
 */
public record Label(LabelSubject subject, String name, Category category, Optional<Category> abuse,
                    Optional<String> actor, String source, Confidence confidence, Instant validFrom,
                    Optional<Instant> validTo, String addedBy, Instant addedAt, String dataset, String note) {
    private static final int MAX_TEXT = 1024;

    public Label {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(abuse, "abuse");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        Objects.requireNonNull(addedAt, "addedAt");
        name = text(name, "name", true);
        source = text(source, "source", true);
        addedBy = text(addedBy, "addedBy", false);
        dataset = text(dataset, "dataset", true);
        note = text(note, "note", false);
        actor = actor.map(a -> text(a, "actor", true));
        if (validTo.isPresent() && validTo.get().isBefore(validFrom)) {
            throw new CordonException(ErrorCode.DATA, "label '" + name + "' on " + subject
                    + " ends (" + validTo.get() + ") before it starts (" + validFrom + ")");
        }
    }

    /** The higher of the category's and the abuse's default risk. */
    public RiskLevel risk() {
        return abuse.map(a -> a.defaultRisk().max(category.defaultRisk())).orElse(category.defaultRisk());
    }

    /** Whether the label held at {@code time}: started at or before it and not closed by then. */
    public boolean isActiveAt(Instant time) {
        return !validFrom.isAfter(time) && validTo.map(t -> t.isAfter(time)).orElse(true);
    }

    /** Whether the label is still open (not closed). */
    public boolean isOpen() {
        return validTo.isEmpty();
    }

    /** This label closed at {@code when} (not before its start). */
    public Label closedAt(Instant when) {
        Instant end = when.isBefore(validFrom) ? validFrom : when;
        return new Label(subject, name, category, abuse, actor, source, confidence, validFrom, Optional.of(end),
                addedBy, addedAt, dataset, note);
    }

    /** This label reopened (an address back on a list), keeping its first start. */
    public Label reopened() {
        return new Label(subject, name, category, abuse, actor, source, confidence, validFrom, Optional.empty(),
                addedBy, addedAt, dataset, note);
    }

    private static String text(String value, String field, boolean required) {
        Objects.requireNonNull(value, field);
        String v = value.strip();
        if (required && v.isEmpty()) {
            throw new CordonException(ErrorCode.DATA, "label " + field + " must not be empty");
        }
        if (v.length() > MAX_TEXT) {
            throw new CordonException(ErrorCode.DATA, "label " + field + " longer than " + MAX_TEXT + " characters");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < ' ' && c != '\t') {
                throw new CordonException(ErrorCode.DATA, "label " + field + " has a control character at " + i);
            }
        }
        return v;
    }
}
