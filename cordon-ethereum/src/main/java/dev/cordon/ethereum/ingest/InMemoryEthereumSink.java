package dev.cordon.ethereum.ingest;

import dev.cordon.core.account.EthereumSink;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Transfer;
import dev.cordon.core.account.BlockRef;
import dev.cordon.core.account.EthBlockFlows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An {@link EthereumSink} in memory: every applied block, by height. For tests, benchmarks and
 * the reorg logic's reference behaviour. Thread-safe (synchronised).
 */
public final class InMemoryEthereumSink implements EthereumSink {
    private final NavigableMap<Long, EthBlockFlows> blocks = new TreeMap<>();
    private long applied;
    private long rolledBack;

    @Override
    public synchronized void applyBlock(EthBlockFlows block) {
        Map.Entry<Long, EthBlockFlows> last = blocks.lastEntry();
        if (last != null) {
            EthBlockFlows head = last.getValue();
            if (block.height() != head.height() + 1 || !block.parentHash().equals(head.hash())) {
                throw new CordonException(ErrorCode.STORE, "block " + block.ref() + " with parent 0x"
                        + block.parentHash().hex() + " does not extend the checkpoint " + head.ref());
            }
        }
        blocks.put(block.height(), block);
        applied++;
    }

    @Override
    public synchronized void rollbackTo(long height) {
        NavigableMap<Long, EthBlockFlows> above = blocks.tailMap(height, false);
        rolledBack += above.size();
        above.clear();
    }

    @Override
    public synchronized Optional<BlockRef> checkpoint() {
        Map.Entry<Long, EthBlockFlows> last = blocks.lastEntry();
        return last == null ? Optional.empty() : Optional.of(last.getValue().ref());
    }

    @Override
    public synchronized List<BlockRef> recentBlocks(int limit) {
        List<BlockRef> out = new ArrayList<>(Math.min(limit, blocks.size()));
        for (EthBlockFlows b : blocks.descendingMap().values()) {
            if (out.size() >= limit) {
                break;
            }
            out.add(b.ref());
        }
        return out;
    }

    /** The block at a height, if held. */
    public synchronized Optional<EthBlockFlows> block(long height) {
        return Optional.ofNullable(blocks.get(height));
    }

    /** All held blocks in height order. */
    public synchronized List<EthBlockFlows> blocks() {
        return List.copyOf(blocks.values());
    }

    /** All held transfers in chain order. */
    public synchronized List<Transfer> transfers() {
        List<Transfer> out = new ArrayList<>();
        blocks.values().forEach(b -> out.addAll(b.transfers()));
        return out;
    }

    /** How many blocks were applied since creation, rolled-back ones included. */
    public synchronized long appliedCount() {
        return applied;
    }

    /** How many blocks were removed by rollbacks since creation. */
    public synchronized long rolledBackCount() {
        return rolledBack;
    }
}
