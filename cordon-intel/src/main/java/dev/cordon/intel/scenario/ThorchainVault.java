package dev.cordon.intel.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A THORChain-style vault the launderer swaps through, shaped as THORChain's Bitcoin vaults
 * transact: the inbound pays the vault (output 0) and carries the swap memo
 * {@code =:BTC.BTC:<destination>} in an OP_RETURN output; one to six blocks later the vault pays
 * the destination (output 0) from that coin, keeps a 0.5% swap fee as change, and carries
 * {@code OUT:<inbound txid>} (upper-case hex, as THORChain writes it) in an OP_RETURN output. The
 * vault is not labelled: a tracer finds it by the memo. Each swap is recorded for the ground
 * truth.
 */
final class ThorchainVault {
    private final World w;
    private final List<GroundTruth.ThorchainSwap> swaps = new ArrayList<>();
    private int vault = -1;

    ThorchainVault(World w) {
        this.w = w;
    }

    /**
     * Pays {@code c} into the vault now and schedules the outbound to a fresh address.
     *
     * @param schedule runs an action at a later height ({@code height, action})
     * @param then     gets the destination coin once the outbound is paid
     */
    void swap(Coin c, Scheduler schedule, Consumer<Coin> then) {
        if (vault < 0) {
            vault = w.ledger.newAddress();
        }
        int dest = w.ledger.newAddress();
        String memo = "=:BTC.BTC:" + w.ledger.address(dest);
        long in = c.value - World.FEE;
        Coin paid = w.ledger.pay(List.of(c), new long[] {in}, new int[] {vault}, memo).get(0);
        int inHeight = w.ledger.height();
        schedule.at(inHeight + 1 + w.rnd.nextInt(6), () -> {
            String inbound = BlockSerializer.displayHex(paid.txid);
            long fee = paid.value / 200;
            long out = paid.value - World.FEE - fee;
            List<Coin> outs = w.ledger.pay(List.of(paid), new long[] {out, fee}, new int[] {dest, vault},
                    "OUT:" + inbound.toUpperCase(Locale.ROOT));
            swaps.add(new GroundTruth.ThorchainSwap(inbound, w.ledger.address(vault), in, memo, w.ledger.address(dest),
                    BlockSerializer.displayHex(outs.get(0).txid), out, inHeight, w.ledger.height()));
            then.accept(outs.get(0));
        });
    }

    /** The swaps paid out so far, in the order of their outbound. */
    List<GroundTruth.ThorchainSwap> swaps() {
        return List.copyOf(swaps);
    }

    /** Runs actions at later heights. */
    interface Scheduler {
        void at(int height, Runnable action);
    }
}
