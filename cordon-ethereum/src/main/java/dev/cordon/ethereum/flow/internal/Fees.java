package dev.cordon.ethereum.flow.internal;

import dev.cordon.core.Address;
import dev.cordon.core.TransferKind;
import dev.cordon.ethereum.EthAddresses;
import java.math.BigInteger;

/**
 * The gas fee a transaction's sender paid, failed or not: {@code gasUsed × effectiveGasPrice}.
 * With EIP-1559 (the block has {@code baseFeePerGas}) {@code gasUsed × baseFee} is burnt (shown
 * as a transfer to the zero address) and the rest is the tip to the block's fee recipient;
 * before London the whole fee goes to the miner. EIP-4844 blob gas ({@code blobGasUsed ×
 * blobGasPrice}) is burnt too.
 */
public final class Fees {
    private Fees() {
    }

    public static void emit(TxFacts tx, ReceiptFacts rc, BigInteger baseFee, Address miner, Emitter em, Ctx ctx) {
        BigInteger price = rc.effectiveGasPrice();
        if (price == null) {
            if (tx.maxFee() != null && tx.maxTip() != null && baseFee != null) {
                price = tx.maxFee().min(baseFee.add(tx.maxTip()));
            } else if (tx.gasPrice() != null) {
                price = tx.gasPrice();
            } else {
                throw ctx.fail("no gas price: neither effectiveGasPrice, gasPrice nor maxFeePerGas");
            }
        }
        BigInteger total = rc.gasUsed().multiply(price);
        BigInteger burnt = BigInteger.ZERO;
        if (baseFee != null) {
            burnt = rc.gasUsed().multiply(baseFee);
            if (burnt.compareTo(total) > 0) {
                throw ctx.fail("effective gas price " + price + " is below the base fee " + baseFee);
            }
        }
        BigInteger tip = total.subtract(burnt);
        if (rc.blobGasUsed() != null && rc.blobGasPrice() != null) {
            burnt = burnt.add(rc.blobGasUsed().multiply(rc.blobGasPrice()));
        }
        em.ether(TransferKind.FEE_BURN, tx.from(), EthAddresses.ZERO, burnt);
        em.ether(TransferKind.FEE_TIP, tx.from(), miner, tip);
    }
}
