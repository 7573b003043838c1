package dev.cordon.store;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;

/**
 * The store's one exception: {@link ErrorCode#STORE} when the store is missing, locked, of
 * another format or failing; {@link ErrorCode#DATA} when a block cannot be applied (it spends an
 * output the store does not know); {@link ErrorCode#USAGE} when the caller broke a contract.
 */
public class StoreException extends CordonException {
    private static final long serialVersionUID = 1L;

    public StoreException(ErrorCode code, String message) {
        super(code, message);
    }

    public StoreException(ErrorCode code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
