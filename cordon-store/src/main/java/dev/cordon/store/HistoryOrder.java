package dev.cordon.store;

/** Order of an address history listing. */
public enum HistoryOrder {
    OLDEST_FIRST, NEWEST_FIRST
}
