package dev.cordon.intel.trace;

/**
 * How a model reads an account balance backward: which earlier credits a debit is made of. The
 * mirror of {@link TaintModel#accountPool}, used by source-of-funds traces on account chains.
 */
public enum AccountRule {
    /** A debit takes the oldest units first (FIFO): its parts are the oldest credits left, in order. */
    OLDEST_FIRST,
    /** A debit takes the newest units first (LIFO). */
    NEWEST_FIRST,
    /** A debit takes every credit left in proportion to what is left of it (haircut). */
    PROPORTIONAL,
    /** A debit comes from every earlier credit, each in full (poison: reachability, not amounts). */
    ANY_CONTACT
}
