package dev.cordon.core;

import java.util.Objects;

/** What a label is attached to: an address, or a single transaction. */
public sealed interface LabelSubject extends Comparable<LabelSubject> permits LabelSubject.OfAddress, LabelSubject.OfTx {
    Chain chain();

    /** The address or transaction id as text. */
    String text();

    static LabelSubject of(Address address) {
        return new OfAddress(address);
    }

    static LabelSubject of(Chain chain, TxId tx) {
        return new OfTx(chain, tx);
    }

    @Override
    default int compareTo(LabelSubject o) {
        int c = Integer.compare(chain().id(), o.chain().id());
        if (c != 0) {
            return c;
        }
        c = Boolean.compare(this instanceof OfTx, o instanceof OfTx);
        return c != 0 ? c : text().compareTo(o.text());
    }

    /** A label on an address. */
    record OfAddress(Address address) implements LabelSubject {
        public OfAddress {
            Objects.requireNonNull(address, "address");
        }

        @Override
        public Chain chain() {
            return address.chain();
        }

        @Override
        public String text() {
            return address.value();
        }

        @Override
        public String toString() {
            return address.value();
        }
    }

    /** A label on one transaction (a hack's transaction, a ransom payment). */
    record OfTx(Chain chain, TxId tx) implements LabelSubject {
        public OfTx {
            Objects.requireNonNull(chain, "chain");
            Objects.requireNonNull(tx, "tx");
        }

        @Override
        public String text() {
            return (chain == Chain.ETHEREUM ? "0x" : "") + tx.hex();
        }

        @Override
        public String toString() {
            return text();
        }
    }
}
