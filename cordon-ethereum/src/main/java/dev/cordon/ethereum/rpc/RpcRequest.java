package dev.cordon.ethereum.rpc;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One JSON-RPC call. Parameters are plain JSON values: strings, numbers, booleans, maps, lists
 * (nulls allowed, as some methods take optional positional parameters).
 */
public record RpcRequest(String method, List<Object> params) {
    public RpcRequest {
        Objects.requireNonNull(method, "method");
        if (method.isBlank()) {
            throw new CordonException(ErrorCode.USAGE, "JSON-RPC method name is empty");
        }
        params = Collections.unmodifiableList(new ArrayList<>(params));
    }

    public static RpcRequest of(String method, Object... params) {
        List<Object> p = new ArrayList<>(params.length);
        Collections.addAll(p, params);
        return new RpcRequest(method, p);
    }
}
