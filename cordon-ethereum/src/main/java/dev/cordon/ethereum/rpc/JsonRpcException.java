package dev.cordon.ethereum.rpc;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;

/**
 * A node answered a call with a JSON-RPC error object. Always {@link ErrorCode#REMOTE}; the
 * message names the method and the node's code and message.
 */
public class JsonRpcException extends CordonException {
    private static final long serialVersionUID = 1L;
    /** JSON-RPC 2.0: the method does not exist or is not available. */
    public static final int METHOD_NOT_FOUND = -32601;

    private final String method;
    private final int rpcCode;
    private final String data;

    public JsonRpcException(String method, int rpcCode, String message, String data) {
        super(ErrorCode.REMOTE, describe(method, rpcCode, message));
        this.method = method;
        this.rpcCode = rpcCode;
        this.data = data == null ? "" : data;
    }

    private static String describe(String method, int rpcCode, String message) {
        if (rpcCode == METHOD_NOT_FOUND) {
            return "the node does not support " + method + " (JSON-RPC " + rpcCode + ": " + message
                    + "); use a node that serves this method";
        }
        return method + " failed on the node: JSON-RPC error " + rpcCode + ": " + message;
    }

    public String method() {
        return method;
    }

    public int rpcCode() {
        return rpcCode;
    }

    /** The error's {@code data} member as JSON text (revert data for {@code eth_call}); empty if absent. */
    public String data() {
        return data;
    }

    public boolean isMethodNotFound() {
        return rpcCode == METHOD_NOT_FOUND;
    }
}
