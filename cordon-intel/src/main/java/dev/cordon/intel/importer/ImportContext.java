package dev.cordon.intel.importer;

import dev.cordon.core.Category;
import dev.cordon.core.Confidence;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of one import. Values a file does not carry come from here (a plain address list
 * has only addresses: name, category and source are given by whoever imports it).
 *
 * @param now        the import time: start of validity of new labels, end of closed ones
 * @param dataset    dataset id; empty for the importer's default (derived from the file)
 * @param title      dataset title; empty for the importer's default
 * @param source     source URI written on every label; empty for the file's own
 * @param addedBy    who imports; empty for the file's creator
 * @param licence    licence of the data; may be empty
 * @param name       label name for rows without one
 * @param category   category for rows without one
 * @param confidence confidence for rows without one
 * @param actor      actor id for rows without one
 * @param currency   currency or network code for rows without one (BTC, ETH)
 * @param complete   whether the file is the whole list (absent labels are closed)
 */
public record ImportContext(Instant now, Optional<String> dataset, Optional<String> title, Optional<String> source,
                            Optional<String> addedBy, String licence, Optional<String> name, Optional<Category> category,
                            Optional<Confidence> confidence, Optional<String> actor, Optional<String> currency,
                            boolean complete) {
    public ImportContext {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(addedBy, "addedBy");
        Objects.requireNonNull(licence, "licence");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(currency, "currency");
    }

    /** Nothing given: every value comes from the file or the importer's defaults. */
    public static ImportContext at(Instant now) {
        return new ImportContext(now, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "",
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), true);
    }

    public ImportContext withDataset(String id) {
        return new ImportContext(now, Optional.of(id), title, source, addedBy, licence, name, category, confidence, actor, currency, complete);
    }

    public ImportContext withTitle(String t) {
        return new ImportContext(now, dataset, Optional.of(t), source, addedBy, licence, name, category, confidence, actor, currency, complete);
    }

    public ImportContext withSource(String s) {
        return new ImportContext(now, dataset, title, Optional.of(s), addedBy, licence, name, category, confidence, actor, currency, complete);
    }

    public ImportContext withAddedBy(String who) {
        return new ImportContext(now, dataset, title, source, Optional.of(who), licence, name, category, confidence, actor, currency, complete);
    }

    public ImportContext withLicence(String l) {
        return new ImportContext(now, dataset, title, source, addedBy, l, name, category, confidence, actor, currency, complete);
    }

    public ImportContext withName(String n) {
        return new ImportContext(now, dataset, title, source, addedBy, licence, Optional.of(n), category, confidence, actor, currency, complete);
    }

    public ImportContext withCategory(Category c) {
        return new ImportContext(now, dataset, title, source, addedBy, licence, name, Optional.of(c), confidence, actor, currency, complete);
    }

    public ImportContext withConfidence(Confidence c) {
        return new ImportContext(now, dataset, title, source, addedBy, licence, name, category, Optional.of(c), actor, currency, complete);
    }

    public ImportContext withActor(String a) {
        return new ImportContext(now, dataset, title, source, addedBy, licence, name, category, confidence, Optional.of(a), currency, complete);
    }

    public ImportContext withCurrency(String c) {
        return new ImportContext(now, dataset, title, source, addedBy, licence, name, category, confidence, actor, Optional.of(c), complete);
    }

    /** Marks the file as an addition to its dataset: nothing absent from it is closed. */
    public ImportContext asAddition() {
        return new ImportContext(now, dataset, title, source, addedBy, licence, name, category, confidence, actor, currency, false);
    }
}
