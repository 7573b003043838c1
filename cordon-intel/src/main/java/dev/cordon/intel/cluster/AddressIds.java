package dev.cordon.intel.cluster;

import dev.cordon.core.Address;
import java.util.Optional;
import java.util.OptionalInt;

/** Dense ids of the addresses of one chain, 0, 1, 2... in order of first sight. */
public interface AddressIds {
    OptionalInt find(Address address);

    /** The id of {@code address}, assigning the next one when it is new. */
    int intern(Address address);

    Optional<Address> address(int id);

    /** Number of ids assigned. */
    int size();
}
