package dev.cordon.intel.cluster;

import dev.cordon.core.Address;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The cluster store's own address dictionary for one chain, kept in memory and persisted
 * incrementally (only ids assigned since the last save are written). Not thread-safe.
 */
public final class AddressDictionary implements AddressIds {
    private final Chain chain;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> texts = new ArrayList<>();
    private int saved;

    public AddressDictionary(Chain chain) {
        this.chain = chain;
    }

    public Chain chain() {
        return chain;
    }

    @Override
    public OptionalInt find(Address address) {
        Integer id = address.chain() == chain ? ids.get(address.value()) : null;
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    @Override
    public int intern(Address address) {
        if (address.chain() != chain) {
            throw new CordonException(ErrorCode.USAGE, "address " + address + " is on " + address.chain().code()
                    + ", this dictionary holds " + chain.code());
        }
        Integer id = ids.get(address.value());
        if (id != null) {
            return id;
        }
        int n = texts.size();
        ids.put(address.value(), n);
        texts.add(address.value());
        return n;
    }

    @Override
    public Optional<Address> address(int id) {
        return id >= 0 && id < texts.size() ? Optional.of(new Address(chain, texts.get(id))) : Optional.empty();
    }

    @Override
    public int size() {
        return texts.size();
    }

    int savedCount() {
        return saved;
    }

    String text(int id) {
        return texts.get(id);
    }

    void markSaved() {
        saved = texts.size();
    }

    void restore(int id, String text) {
        if (id != texts.size()) {
            throw new CordonException(ErrorCode.STORE, "address dictionary of " + chain.code() + " has a gap at id " + texts.size());
        }
        ids.put(text, id);
        texts.add(text);
        saved = texts.size();
    }
}
