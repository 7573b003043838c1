package dev.cordon.signing.decode;

import dev.cordon.core.Address;
import dev.cordon.core.DecodeException;
import dev.cordon.core.Hex;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import dev.cordon.signing.Operation;
import dev.cordon.signing.SafeTransaction;
import dev.cordon.signing.SafeVersion;
import dev.cordon.signing.deploy.Deployment;
import dev.cordon.signing.deploy.DeploymentRole;
import dev.cordon.signing.deploy.SafeDeployments;
import dev.cordon.signing.internal.AbiReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decodes a Safe transaction's calldata into a {@link DecodedCall} tree: Safe self-calls, token
 * transfers and approvals, {@code MultiSend}/{@code MultiSendCallOnly} batches (recursively, at
 * most {@value #MAX_DEPTH} levels), nested Safe transactions; unknown selectors are kept raw.
 *
 * <p>MultiSend packs each entry as {@code operation (1 byte) ‖ to (20) ‖ value (32) ‖
 * dataLength (32) ‖ data}; a length that runs past the batch, an operation other than 0 or 1, or
 * a short header is a {@link DecodeException} naming the entry and its byte offset in the
 * transaction's data. From MultiSend 1.5.0 an entry whose {@code to} is zero calls the Safe itself.
 * Linear in the data length.
 */
public final class CalldataDecoder {
    public static final int MAX_DEPTH = 4;
    private static final int ENTRY_HEADER = 1 + 20 + 32 + 32;

    private final SafeDeployments deployments;

    public CalldataDecoder(SafeDeployments deployments) {
        this.deployments = deployments;
    }

    /**
     * @throws DecodeException when a known function's arguments or a batch are malformed; the
     *                         message names the call path, the argument and the byte offset
     */
    public DecodedCall decode(SafeTransaction tx) {
        Context ctx = new Context(tx.safe(), chainId(tx.chainId()), tx.version());
        return decodeCall(ctx, "tx", tx.to(), tx.value(), tx.operation(), tx.data().bytes(), 0, 0);
    }

    private DecodedCall decodeCall(Context ctx, String path, Address to, BigInteger value, Operation op,
                                   byte[] data, int offset, int depth) {
        Optional<Deployment> known = ctx.chainId < 0 ? Optional.empty() : deployments.find(ctx.chainId, to);
        Optional<String> knownAs = known.map(Deployment::describe);
        boolean self = to.equals(ctx.safe);
        List<String> notes = new ArrayList<>();
        if (data.length == 0) {
            CallKind k = value.signum() == 0 ? CallKind.EMPTY : CallKind.NATIVE_TRANSFER;
            return new DecodedCall(path, to, value, op, HexData.EMPTY, k, "", List.of(), knownAs, self, List.of(), notes);
        }
        String selector = data.length >= 4 ? "0x" + Hex.encode(data, 0, 4) : "";
        Optional<FunctionTable.Spec> spec = FunctionTable.lookup(selector);
        if (spec.isEmpty()) {
            if (data.length < 4) {
                notes.add("data is shorter than a 4-byte selector: the call reaches the target's fallback function");
            }
            return new DecodedCall(path, to, value, op, HexData.of(data), CallKind.UNKNOWN, "", List.of(), knownAs, self,
                    List.of(), notes);
        }
        FunctionTable.Spec s = spec.get();
        AbiReader r = new AbiReader(data, 4, path, offset);
        r.requireHead(s.types().size(), s.signature());
        List<Arg> args = readArgs(r, s);
        if ((data.length - 4) % 32 != 0) {
            notes.add((data.length - 4) % 32 + " bytes after the last 32-byte word (ignored by the contract)");
        }
        List<DecodedCall> inner = List.of();
        if (s.kind() == CallKind.MULTI_SEND) {
            if (depth >= MAX_DEPTH) {
                throw new DecodeException(path, offset, "batches nested deeper than " + MAX_DEPTH + " levels");
            }
            int start = r.bytesContentOffset(0, "transactions");
            HexData batch = (HexData) args.get(0).value();
            inner = decodeBatch(ctx, path, to, known, batch.bytes(), offset + start, depth, notes);
            if (op == Operation.CALL) {
                notes.add("the batch library is called, not delegatecalled: its calls come from the library, not the Safe");
            }
        } else if (s.kind() == CallKind.NESTED_SAFE_TRANSACTION) {
            inner = List.of(nested(ctx, path, to, args, offset + r.bytesContentOffset(2, "data"), depth));
        }
        return new DecodedCall(path, to, value, op, HexData.of(data), s.kind(), s.signature(), args, knownAs, self, inner, notes);
    }

    private static List<Arg> readArgs(AbiReader r, FunctionTable.Spec s) {
        List<Arg> args = new ArrayList<>(s.types().size());
        for (int i = 0; i < s.types().size(); i++) {
            String name = s.names().get(i);
            String type = s.types().get(i);
            Object v = switch (type) {
                case "address" -> r.address(i, name);
                case "uint256" -> r.uint(i, name, 256);
                case "uint8" -> r.uint(i, name, 8);
                case "bool" -> r.bool(i, name);
                case "bytes32" -> r.bytes32(i, name);
                case "bytes" -> r.bytes(i, name);
                case "uint256[]" -> r.uintArray(i, name);
                default -> throw new IllegalStateException("no reader for ABI type " + type);
            };
            args.add(new Arg(name, type, v));
        }
        return args;
    }

    private List<DecodedCall> decodeBatch(Context ctx, String path, Address lib, Optional<Deployment> known,
                                          byte[] batch, int offset, int depth, List<String> notes) {
        boolean callOnly = known.map(d -> d.role() == DeploymentRole.MULTI_SEND_CALL_ONLY).orElse(false);
        boolean zeroIsSelf = known.map(d -> SafeVersion.parse(d.version()).atLeast(SafeVersion.V1_5_0))
                .orElse(ctx.version.atLeast(SafeVersion.V1_5_0));
        if (known.isEmpty()) {
            notes.add("batch library " + EthAddresses.checksummed(lib) + " is not a canonical MultiSend on this chain;"
                    + " entries decoded with the MultiSend layout");
        }
        List<DecodedCall> out = new ArrayList<>();
        int i = 0;
        while (i < batch.length) {
            String entry = path + ".batch[" + out.size() + "]";
            if (batch.length - i < ENTRY_HEADER) {
                throw new DecodeException(entry, offset + i, "a batch entry needs a " + ENTRY_HEADER
                        + "-byte header, only " + (batch.length - i) + " bytes remain");
            }
            int opByte = batch[i] & 0xff;
            if (opByte > 1) {
                throw new DecodeException(entry + ".operation", offset + i, "operation is " + opByte
                        + "; MultiSend accepts 0 (call) or 1 (delegatecall) and reverts otherwise");
            }
            Address to = EthAddresses.fromBytes(Arrays.copyOfRange(batch, i + 1, i + 21));
            BigInteger value = new BigInteger(1, Arrays.copyOfRange(batch, i + 21, i + 53));
            BigInteger len = new BigInteger(1, Arrays.copyOfRange(batch, i + 53, i + 85));
            long room = batch.length - i - (long) ENTRY_HEADER;
            if (len.compareTo(BigInteger.valueOf(room)) > 0) {
                throw new DecodeException(entry + ".dataLength", offset + i + 53, "dataLength " + len
                        + " runs past the end of the batch (" + room + " bytes remain)");
            }
            int n = len.intValueExact();
            byte[] data = Arrays.copyOfRange(batch, i + ENTRY_HEADER, i + ENTRY_HEADER + n);
            List<String> entryNotes = new ArrayList<>();
            if (EthAddresses.isZero(to) && zeroIsSelf) {
                to = ctx.safe;
                entryNotes.add("to is the zero address, which MultiSend 1.5.0 replaces with the Safe itself");
            }
            Operation op = opByte == 0 ? Operation.CALL : Operation.DELEGATECALL;
            if (callOnly && op == Operation.DELEGATECALL) {
                entryNotes.add("MultiSendCallOnly reverts on a delegatecall entry: the whole batch would fail");
            }
            DecodedCall c = decodeCall(ctx, entry, to, value, op, data, offset + i + ENTRY_HEADER, depth + 1);
            if (!entryNotes.isEmpty()) {
                List<String> all = new ArrayList<>(entryNotes);
                all.addAll(c.notes());
                c = new DecodedCall(c.path(), c.to(), c.value(), c.operation(), c.data(), c.kind(), c.signature(),
                        c.args(), c.knownAs(), c.selfCall(), c.inner(), all);
            }
            out.add(c);
            i += ENTRY_HEADER + n;
        }
        if (out.isEmpty()) {
            notes.add("the batch is empty");
        }
        return out;
    }

    private DecodedCall nested(Context ctx, String path, Address innerSafe, List<Arg> args, int dataOffset, int depth) {
        if (depth >= MAX_DEPTH) {
            throw new DecodeException(path, dataOffset, "nested Safe transactions deeper than " + MAX_DEPTH + " levels");
        }
        BigInteger opCode = (BigInteger) args.get(3).value();
        if (opCode.compareTo(BigInteger.ONE) > 0) {
            throw new DecodeException(path + ".operation", dataOffset, "nested operation is " + opCode + " (0 or 1 expected)");
        }
        Context inner = new Context(innerSafe, ctx.chainId, ctx.version);
        HexData data = (HexData) args.get(2).value();
        return decodeCall(inner, path + ".nested", (Address) args.get(0).value(), (BigInteger) args.get(1).value(),
                opCode.signum() == 0 ? Operation.CALL : Operation.DELEGATECALL, data.bytes(), dataOffset, depth + 1);
    }

    private static long chainId(BigInteger id) {
        return id.bitLength() < 63 ? id.longValue() : -1;
    }

    private record Context(Address safe, long chainId, SafeVersion version) {
    }
}
