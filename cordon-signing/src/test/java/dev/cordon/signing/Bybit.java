package dev.cordon.signing;

import dev.cordon.ethereum.EthAddresses;
import dev.cordon.ethereum.HexData;
import java.math.BigInteger;

/** The transaction Bybit's signers approved on 21 February 2025 (public on-chain facts). */
final class Bybit {
    static final String SAFE = "0x1Db92e2EeBC8E0c075a02BeA49a2935BcD2dFCF4";
    static final String TROJAN = "0x96221423681A6d52E184D440a8eFCEbB105C7242";
    static final String BACKDOOR = "0xbDd077f651EBe7f7b3cE16fe5F2b025BE2969516";
    static final String DATA = "0xa9059cbb000000000000000000000000bdd077f651ebe7f7b3ce16fe5f2b025be2969516"
            + "0000000000000000000000000000000000000000000000000000000000000000";

    private Bybit() {
    }

    static SafeTransaction tx() {
        return new SafeTransaction(EthAddresses.parse(SAFE), BigInteger.ONE, SafeVersion.V1_1_1,
                EthAddresses.parse(TROJAN), BigInteger.ZERO, HexData.parse(DATA, "data"), Operation.DELEGATECALL,
                BigInteger.valueOf(45746), BigInteger.ZERO, BigInteger.ZERO, EthAddresses.ZERO, EthAddresses.ZERO,
                BigInteger.valueOf(71));
    }
}
