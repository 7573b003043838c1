package dev.cordon.cli.signing;

import dev.cordon.cli.ExitCodes;
import dev.cordon.cli.Json;
import dev.cordon.core.Address;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import dev.cordon.ethereum.rpc.EthRpc;
import dev.cordon.ethereum.rpc.JsonRpcClient;
import dev.cordon.ethereum.rpc.RpcSettings;
import dev.cordon.signing.Operation;
import dev.cordon.signing.Review;
import dev.cordon.signing.SafeHasher;
import dev.cordon.signing.SafeTransaction;
import dev.cordon.signing.SafeVersion;
import dev.cordon.signing.SigningGuard;
import dev.cordon.signing.chain.SafeReader;
import dev.cordon.signing.chain.SafeState;
import dev.cordon.signing.deploy.SafeDeployments;
import dev.cordon.signing.policy.AddressListRisk;
import dev.cordon.signing.policy.CounterpartyRisk;
import dev.cordon.signing.policy.PolicyLoader;
import dev.cordon.signing.policy.PolicySettings;
import dev.cordon.signing.policy.SigningPolicy;
import dev.cordon.signing.policy.Verdict;
import dev.cordon.signing.policy.WalletContext;
import dev.cordon.signing.txservice.ProposedTransaction;
import dev.cordon.signing.txservice.TxServiceParser;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cordon safe verify}: recompute the hashes of a proposed Safe transaction, decode it,
 * judge it and check its signatures. Exit 0 for allow, 1 for review or block.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Recompute a Safe transaction's hashes, decode it, and judge it before signing. "
                + "Exit 0 allow, 1 review or block, 2 usage error, 3 bad data or node failure.")
public final class SafeVerifyCommand implements Callable<Integer> {
    // Not the CommonOptions mixin: issue 6 gives --data to the calldata, and verify needs no data folder.
    @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
    boolean json;

    @Option(names = "--safe", paramLabel = "ADDRESS", description = "The Safe (EIP-55 checksum checked when mixed case).")
    String safe;
    @Option(names = "--chain-id", paramLabel = "N", description = "Chain id (read from --rpc when absent).")
    BigInteger chainId;
    @Option(names = "--safe-version", paramLabel = "X.Y.Z", description = "Safe version 0.1.0..1.5.0 (read from --rpc when absent).")
    String safeVersion;
    @Option(names = "--to", paramLabel = "ADDRESS", description = "Target of the transaction.")
    String to;
    @Option(names = "--value", paramLabel = "WEI", description = "Native value in wei (default 0).")
    BigInteger value;
    @Option(names = "--data", paramLabel = "HEX", description = "Calldata as 0x-hex (default 0x).")
    String data;
    @Option(names = "--operation", paramLabel = "0|1", description = "0 call, 1 delegatecall (default 0).")
    Long operation;
    @Option(names = "--safe-tx-gas", paramLabel = "N", description = "safeTxGas (default 0).")
    BigInteger safeTxGas;
    @Option(names = "--base-gas", paramLabel = "N", description = "baseGas, dataGas in 0.1.0 (default 0).")
    BigInteger baseGas;
    @Option(names = "--gas-price", paramLabel = "N", description = "gasPrice of the refund (default 0).")
    BigInteger gasPrice;
    @Option(names = "--gas-token", paramLabel = "ADDRESS", description = "Refund token (default zero address: ETH).")
    String gasToken;
    @Option(names = "--refund-receiver", paramLabel = "ADDRESS", description = "Refund receiver (default zero address).")
    String refundReceiver;
    @Option(names = "--nonce", paramLabel = "N", description = "The Safe nonce of this transaction.")
    BigInteger nonce;
    @Option(names = "--signatures", paramLabel = "HEX", description = "Collected signatures, concatenated as execTransaction takes them.")
    String signatures;
    @Option(names = "--tx-json", paramLabel = "FILE", description = "A Safe Transaction Service transaction object "
            + "(its safeTxHash and confirmations are checked against the recomputed hash).")
    Path txJson;
    @Option(names = "--rpc", paramLabel = "URL", description = "Read version, owners, threshold, nonce and library code from this node.")
    String rpc;
    @Option(names = "--policy", paramLabel = "FILE", description = "The wallet's policy YAML (default: built-in defaults).")
    Path policy;
    @Option(names = "--history", paramLabel = "FILE", description = "Transaction Service list of the wallet's transactions: "
            + "executed ones are its history, the others its queue.")
    Path history;
    @Option(names = "--risk-list", paramLabel = "FILE", description = "Address list of risky counterparties (repeatable).")
    List<Path> riskLists = new ArrayList<>();

    @Override
    public Integer call() {
        PolicySettings settings = policy == null ? PolicySettings.defaults() : PolicyLoader.load(policy);
        Optional<SafeReader> reader = Optional.ofNullable(rpc)
                .map(u -> new SafeReader(new EthRpc(new JsonRpcClient(RpcSettings.defaults(u)))));
        String txText = txJson == null ? null : read(txJson);
        Optional<Address> safeAddress = safe != null ? Optional.of(EthAddresses.parse(safe, "--safe"))
                : txText != null ? Optional.of(peekSafe(txText)) : Optional.empty();
        Optional<ProposedTransaction> proposed = Optional.empty();
        Optional<SafeState> state = reader.map(r -> r.read(safeAddress.orElseThrow(() ->
                new CordonException(ErrorCode.USAGE, "--rpc needs --safe (or --tx-json)"))));
        BigInteger chain = chainId != null ? chainId : state.map(s -> BigInteger.valueOf(s.chainId())).orElseThrow(() ->
                new CordonException(ErrorCode.USAGE, "give --chain-id, or --rpc to read it"));
        SafeVersion version = safeVersion != null ? SafeVersion.parse(safeVersion) : state.flatMap(SafeState::version)
                .orElseThrow(() -> new CordonException(ErrorCode.USAGE, "give --safe-version, or --rpc to read it"
                        + state.map(s -> " (the Safe did not answer VERSION(): " + s.readErrors() + ")").orElse("")));
        SafeTransaction tx;
        if (txText != null) {
            requireNoFieldOptions();
            proposed = Optional.of(new TxServiceParser(txJson.toString(), chain, version).parseOne(txText));
            tx = proposed.get().tx();
            if (safe != null && !tx.safe().equals(safeAddress.get())) {
                throw new CordonException(ErrorCode.USAGE, "--safe differs from the safe in " + txJson);
            }
        } else {
            tx = fromOptions(safeAddress.orElseThrow(() -> new CordonException(ErrorCode.USAGE, "--safe is required")),
                    chain, version);
        }
        SigningPolicy sp = new SigningPolicy(settings, SafeDeployments.bundled(), risk(settings));
        Review review = new SigningGuard(sp).review(tx, evidence(tx, state, reader, proposed));
        if (json) {
            Json.print(System.out, ReviewView.json(review));
        } else {
            ReviewView.print(System.out, review);
        }
        return review.result().verdict() == Verdict.ALLOW ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private SigningGuard.Evidence evidence(SafeTransaction tx, Optional<SafeState> state, Optional<SafeReader> reader,
                                           Optional<ProposedTransaction> proposed) {
        WalletContext ctx = new WalletContext(state.flatMap(SafeState::nonce),
                state.map(s -> new HashSet<>(s.owners())).orElse(new HashSet<>()),
                state.map(SafeState::threshold).orElse(OptionalInt.empty()), List.of(), List.of(),
                reader.map(r -> (WalletContext.CodeReader) r::code));
        if (history != null) {
            List<SafeTransaction> done = new ArrayList<>();
            List<WalletContext.Queued> queued = new ArrayList<>();
            for (ProposedTransaction p : new TxServiceParser(history.toString(), tx.chainId(), tx.version())
                    .parseList(read(history))) {
                if (!p.tx().safe().equals(tx.safe())) {
                    continue;
                }
                if (p.executed()) {
                    done.add(p.tx());
                } else {
                    queued.add(new WalletContext.Queued(p.tx().nonce(), SafeHasher.hash(p.tx()).signedHash()));
                }
            }
            ctx = ctx.withHistory(done, queued);
        }
        Optional<HexData> sigs = signatures != null ? Optional.of(HexData.parse(signatures, "--signatures"))
                : proposed.flatMap(ProposedTransaction::signatures);
        return new SigningGuard.Evidence(ctx, state, proposed.flatMap(ProposedTransaction::claimedSafeTxHash), sigs,
                proposed.map(ProposedTransaction::confirmations).orElse(List.of()), reader.map(r -> r));
    }

    private CounterpartyRisk risk(PolicySettings settings) {
        List<CounterpartyRisk> sources = new ArrayList<>();
        settings.riskLists().forEach(p -> sources.add(AddressListRisk.load(p)));
        riskLists.forEach(p -> sources.add(AddressListRisk.load(p)));
        return CounterpartyRisk.anyOf(sources);
    }

    private SafeTransaction fromOptions(Address safeAddress, BigInteger chain, SafeVersion version) {
        if (to == null || nonce == null) {
            throw new CordonException(ErrorCode.USAGE, "--to and --nonce are required (or give --tx-json)");
        }
        return new SafeTransaction(safeAddress, chain, version, EthAddresses.parse(to, "--to"), or(value),
                data == null ? HexData.EMPTY : HexData.parse(data, "--data"),
                Operation.of(operation == null ? 0 : operation, "--operation"), or(safeTxGas), or(baseGas), or(gasPrice),
                gasToken == null ? EthAddresses.ZERO : EthAddresses.parse(gasToken, "--gas-token"),
                refundReceiver == null ? EthAddresses.ZERO : EthAddresses.parse(refundReceiver, "--refund-receiver"), nonce);
    }

    private void requireNoFieldOptions() {
        if (to != null || value != null || data != null || operation != null || safeTxGas != null || baseGas != null
                || gasPrice != null || gasToken != null || refundReceiver != null || nonce != null) {
            throw new CordonException(ErrorCode.USAGE, "transaction field options cannot be combined with --tx-json");
        }
    }

    private static Address peekSafe(String json) {
        try {
            var node = Json.mapper().readTree(json);
            var s = node == null ? null : node.get("safe");
            if (s == null || !s.isTextual()) {
                throw new CordonException(ErrorCode.DATA, "--tx-json: safe: missing");
            }
            return EthAddresses.parse(s.asText(), "--tx-json safe");
        } catch (IOException e) {
            throw new CordonException(ErrorCode.DATA, "--tx-json is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static BigInteger or(BigInteger v) {
        return v == null ? BigInteger.ZERO : v;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read " + p + ": " + e.getMessage(), e);
        }
    }
}
