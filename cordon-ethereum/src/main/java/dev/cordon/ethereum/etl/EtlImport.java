package dev.cordon.ethereum.etl;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cordon.core.Address;
import dev.cordon.core.BlockHash;
import dev.cordon.core.Chain;
import dev.cordon.core.CordonException;
import dev.cordon.core.DecodeException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.TransferKind;
import dev.cordon.core.TxId;
import dev.cordon.ethereum.etl.internal.Table;
import dev.cordon.ethereum.etl.internal.Table.Row;
import dev.cordon.core.account.EthBlockFlows;
import dev.cordon.ethereum.flow.internal.Ctx;
import dev.cordon.ethereum.flow.internal.Emitter;
import dev.cordon.ethereum.flow.internal.Fees;
import dev.cordon.ethereum.flow.internal.ReceiptFacts;
import dev.cordon.ethereum.flow.internal.TokenAssets;
import dev.cordon.ethereum.flow.internal.TxFacts;
import dev.cordon.core.account.EthereumSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Imports an ethereum-etl export directory into an {@link EthereumSink}, block by block, into
 * the same flows as RPC ingest.
 *
 * <p>Files (header-driven; extra columns are ignored): {@code blocks.csv} and
 * {@code transactions.csv} are required; {@code receipts.csv} adds status and fees;
 * {@code traces.csv} adds internal calls, creates and self-destructs (rows with
 * {@code status} 0 — reverted, or below a reverted call — are left out); and
 * {@code token_transfers.csv} adds token transfers. ethereum-etl writes ERC-20 and ERC-721
 * transfers alike into {@code token_transfers.csv} (for ERC-721 the value is the token id), so
 * they are imported as ERC20 transfers. Every file must be ordered by block, as ethereum-etl
 * writes it; a block's transaction count must match its transaction rows. Errors are
 * {@link DecodeException}s naming the file and line.
 */
public final class EtlImport {
    /** What an import did. */
    public record Result(long blocks, long transfers) {
    }

    private static final int MAX_TX = 1 << 20;

    private EtlImport() {
    }

    /**
     * Imports every block of the export that is above the sink's checkpoint.
     *
     * @throws DecodeException naming file and line for malformed or inconsistent rows
     * @throws CordonException with IO when a file cannot be read
     */
    public static Result importDir(Path dir, EthereumSink sink) {
        try (Table blocks = require(Table.open(dir, "blocks.csv", "number"), dir, "blocks.csv");
             Table txs = require(Table.open(dir, "transactions.csv", "block_number"), dir, "transactions.csv");
             Table receipts = Table.open(dir, "receipts.csv", "block_number");
             Table traces = Table.open(dir, "traces.csv", "block_number");
             Table tokens = Table.open(dir, "token_transfers.csv", "block_number")) {
            EtlBlocks reader = new EtlBlocks(blocks, txs, receipts, traces, tokens);
            long after = sink.checkpoint().map(c -> c.height()).orElse(-1L);
            long n = 0;
            long transfers = 0;
            while (blocks.nextBlock() != Long.MAX_VALUE) {
                EthBlockFlows b = reader.next();
                if (b.height() > after) {
                    sink.applyBlock(b);
                    n++;
                    transfers += b.transfers().size();
                }
            }
            return new Result(n, transfers);
        } catch (IOException | UncheckedIOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read the ethereum-etl export in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Table require(Table t, Path dir, String name) {
        if (t == null) {
            throw new CordonException(ErrorCode.USAGE, "no " + name + " in " + dir + " (an ethereum-etl export directory)");
        }
        return t;
    }

    /** Joins the tables by block number and builds each block's flows. */
    private static final class EtlBlocks {
        private final Table blocks;
        private final Table txs;
        private final Table receipts;
        private final Table traces;
        private final Table tokens;

        EtlBlocks(Table blocks, Table txs, Table receipts, Table traces, Table tokens) {
            this.blocks = blocks;
            this.txs = txs;
            this.receipts = receipts;
            this.traces = traces;
            this.tokens = tokens;
        }

        EthBlockFlows next() {
            long height = blocks.nextBlock();
            List<Row> bs = blocks.take(height);
            if (bs.size() != 1) {
                throw blocks.fail(bs.get(1), "block " + height + " appears twice");
            }
            Row b = bs.get(0);
            Header h = header(b, height);
            List<Row> txRows = txs.take(height);
            txRows.sort(Comparator.comparing(r -> txs.decimal(r, col(txs, "transaction_index"), "transaction_index")));
            if (txRows.size() != h.txCount) {
                throw blocks.fail(b, "block " + height + " has transaction_count " + h.txCount + " but transactions.csv has "
                        + txRows.size() + " rows for it");
            }
            List<Row> rcRows = receipts == null ? List.of() : receipts.take(height);
            List<Row> trRows = traces == null ? List.of() : traces.take(height);
            List<Row> tkRows = tokens == null ? List.of() : tokens.take(height);
            Emitter em = new Emitter(height);
            Ctx ctx = new Ctx();
            ctx.block(height);
            for (int i = 0; i < txRows.size(); i++) {
                transaction(txRows.get(i), i, h, rcRows, trRows, tkRows, em, ctx);
            }
            return new EthBlockFlows(height, h.hash, h.parent, h.time, h.miner, h.txCount, em.transfers(),
                    em.creations(), em.notes());
        }

        private record Header(BlockHash hash, BlockHash parent, Instant time, Address miner, BigInteger baseFee, int txCount) {
        }

        private Header header(Row b, long height) {
            BigInteger count = blocks.decimal(b, col(blocks, "transaction_count"), "transaction_count");
            if (count.bitLength() > 30 || count.intValue() > MAX_TX) {
                throw blocks.fail(b, "transaction_count " + count + " is out of range");
            }
            return new Header(hash(blocks, b, "hash"), hash(blocks, b, "parent_hash"),
                    Instant.ofEpochSecond(blocks.decimal(b, col(blocks, "timestamp"), "timestamp").longValue()),
                    address(blocks, b, "miner"),
                    blocks.optDecimal(b, blocks.csv().optColumn("base_fee_per_gas"), "base_fee_per_gas"), count.intValue());
        }

        private void transaction(Row t, int index, Header h, List<Row> rcRows, List<Row> trRows, List<Row> tkRows,
                                 Emitter em, Ctx ctx) {
            String hashText = text(txs, t, "hash").toLowerCase(Locale.ROOT);
            TxId id = new TxId(hash(txs, t, "hash").bytes());
            if (txs.decimal(t, col(txs, "transaction_index"), "transaction_index").intValue() != index) {
                throw txs.fail(t, "transaction_index is not " + index + " (a transaction of the block is missing)");
            }
            ctx.tx(index, hashText);
            String to = text(txs, t, "to_address");
            TxFacts tx = new TxFacts(hashText, id, index, address(txs, t, "from_address"),
                    to.isEmpty() ? null : address(txs, t, "to_address"),
                    txs.decimal(t, col(txs, "value"), "value"),
                    txs.optDecimal(t, txs.csv().optColumn("gas_price"), "gas_price"),
                    txs.optDecimal(t, txs.csv().optColumn("max_fee_per_gas"), "max_fee_per_gas"),
                    txs.optDecimal(t, txs.csv().optColumn("max_priority_fee_per_gas"), "max_priority_fee_per_gas"));
            em.beginTx(id, index);
            Row rc = find(receipts, rcRows, "transaction_hash", hashText);
            Boolean status = null;
            Address created = null;
            if (rc != null) {
                String s = text(receipts, rc, "status");
                status = s.isEmpty() ? null : !"0".equals(s);
                String ca = text(receipts, rc, "contract_address");
                created = ca.isEmpty() ? null : address(receipts, rc, "contract_address");
                Fees.emit(tx, receiptFacts(rc, status, created), h.baseFee, h.miner, em, ctx);
            }
            if (status != null && !status) {
                return;
            }
            if (traces != null) {
                traceFlows(hashText, trRows, em);
            } else if (tx.to() != null) {
                em.ether(TransferKind.NATIVE, tx.from(), tx.to(), tx.value());
            } else if (created != null) {
                em.creation(tx.from(), created);
                em.ether(TransferKind.CREATE, tx.from(), created, tx.value());
            }
            tokenFlows(hashText, tkRows, em);
        }

        private ReceiptFacts receiptFacts(Row rc, Boolean status, Address created) {
            return new ReceiptFacts(status, receipts.decimal(rc, col(receipts, "gas_used"), "gas_used"),
                    receipts.optDecimal(rc, receipts.csv().optColumn("effective_gas_price"), "effective_gas_price"),
                    created, receipts.optDecimal(rc, receipts.csv().optColumn("blob_gas_used"), "blob_gas_used"),
                    receipts.optDecimal(rc, receipts.csv().optColumn("blob_gas_price"), "blob_gas_price"),
                    JsonNodeFactory.instance.arrayNode());
        }

        private void traceFlows(String txHash, List<Row> rows, Emitter em) {
            for (Row r : rows) {
                if (!txHash.equalsIgnoreCase(text(traces, r, "transaction_hash")) || !"1".equals(text(traces, r, "status"))) {
                    continue;
                }
                String type = text(traces, r, "trace_type");
                boolean root = text(traces, r, "trace_address").isEmpty();
                BigInteger value = traces.optDecimal(r, col(traces, "value"), "value");
                value = value == null ? BigInteger.ZERO : value;
                switch (type) {
                    case "call" -> {
                        if (root || "call".equals(text(traces, r, "call_type"))) {
                            em.ether(root ? TransferKind.NATIVE : TransferKind.INTERNAL, address(traces, r, "from_address"),
                                    address(traces, r, "to_address"), value);
                        }
                    }
                    case "create", "create2" -> {
                        Address from = address(traces, r, "from_address");
                        Address to = address(traces, r, "to_address");
                        em.creation(from, to);
                        em.ether(TransferKind.CREATE, from, to, value);
                    }
                    case "suicide", "selfdestruct" -> em.ether(TransferKind.SELFDESTRUCT, address(traces, r, "from_address"),
                            address(traces, r, "to_address"), value);
                    case "reward" -> {
                    }
                    default -> throw traces.fail(r, "unknown trace_type '" + type + "'");
                }
            }
        }

        private void tokenFlows(String txHash, List<Row> rows, Emitter em) {
            rows.stream()
                    .filter(r -> txHash.equalsIgnoreCase(text(tokens, r, "transaction_hash")))
                    .sorted(Comparator.comparing(r -> tokens.decimal(r, col(tokens, "log_index"), "log_index")))
                    .forEach(r -> em.token(TransferKind.ERC20, TokenAssets.erc20(address(tokens, r, "token_address")),
                            address(tokens, r, "from_address"), address(tokens, r, "to_address"),
                            tokens.decimal(r, col(tokens, "value"), "value"), null));
        }

        private static Row find(Table t, List<Row> rows, String column, String hash) {
            if (t == null) {
                return null;
            }
            int c = col(t, column);
            for (Row r : rows) {
                if (r.f()[c].equalsIgnoreCase(hash)) {
                    return r;
                }
            }
            throw new DecodeException(t.file(), -1, "no row for transaction " + hash);
        }

        private static int col(Table t, String name) {
            return t.csv().column(name);
        }

        private static String text(Table t, Row r, String column) {
            return r.f()[col(t, column)];
        }

        private static BlockHash hash(Table t, Row r, String column) {
            String s = text(t, r, column);
            try {
                return BlockHash.parse(s);
            } catch (CordonException e) {
                throw t.fail(r, "'" + column + "' is not 0x + 64 hex digits: '" + s + "'");
            }
        }

        private static Address address(Table t, Row r, String column) {
            String s = text(t, r, column).toLowerCase(Locale.ROOT);
            if (s.length() != 42 || !s.startsWith("0x") || !s.substring(2).chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                throw t.fail(r, "'" + column + "' is not 0x + 40 hex digits: '" + text(t, r, column) + "'");
            }
            return new Address(Chain.ETHEREUM, s);
        }
    }
}
