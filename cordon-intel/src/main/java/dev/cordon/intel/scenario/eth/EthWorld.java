package dev.cordon.intel.scenario.eth;

import static dev.cordon.intel.scenario.eth.EthFifoOracle.ETH;
import static dev.cordon.intel.scenario.eth.EthScenarioConfig.ETHER;

import dev.cordon.bitcoin.Bech32;
import dev.cordon.core.Address;
import dev.cordon.core.Asset;
import dev.cordon.core.TransferKind;
import dev.cordon.ethereum.Bytes32;
import dev.cordon.ethereum.EthAddresses;
import dev.cordon.intel.scenario.eth.EthFifoOracle.Flow;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * The scenario's world: accounts, exchanges, contracts and labels, and the moves every actor
 * makes (each one transaction, queued on the {@link AnvilChain} with the flows it will make).
 * Setup deploys the contracts from an issuer account, funds the victim's and the exchanges' hot
 * wallets and the users, and seeds the pool's liquidity.
 */
final class EthWorld {
    /** One label row: entity name and a {@code labels.csv} category code. */
    record Label(String entity, String category) {
    }

    /** An exchange: a hot wallet and one deposit address per customer. */
    static final class Exchange {
        final String name;
        final Address hot;
        final Map<Address, Address> depositOf = new LinkedHashMap<>();
        final List<Address> deposits = new ArrayList<>();

        Exchange(String name, Address hot) {
            this.name = name;
            this.hot = hot;
        }
    }

    static final long GAS_TRANSFER = 21_000;
    static final long GAS_TOKEN = 100_000;
    static final long GAS_CALL = 200_000;
    private static final long GAS_DEPLOY = 3_000_000;
    /** Ether an exchange gives each deposit address for the gas of its sweeps. */
    static final BigInteger DEPOSIT_GAS = ETHER.divide(BigInteger.valueOf(20));
    static final BigInteger MIX_DENOMINATION = ETHER.multiply(BigInteger.TEN);
    private static final String[] NAMES = {"Northwind Exchange", "Quayside Markets", "Lumen Trade",
        "Saltmarsh Exchange", "Orchid Digital", "Basalt Exchange", "Kestrel Markets", "Tidewater Exchange"};

    final EthScenarioConfig cfg;
    final Random rnd;
    final AnvilChain chain;
    final Map<Address, Label> labels = new LinkedHashMap<>();
    final List<Address> users = new ArrayList<>();
    final int[] inDegree;
    final List<Exchange> exchanges = new ArrayList<>();
    final Address issuer;
    final Address victim;
    final Address vault;
    Address token;
    Asset tokenAsset;
    Address pool;
    Address mixer;
    Address router;
    private BigInteger reserveToken = BigInteger.ZERO;
    private BigInteger reserveEth = BigInteger.ZERO;
    private long swapBlock = -1;
    private long block;

    EthWorld(EthScenarioConfig cfg, Random rnd, AnvilChain chain) {
        this.cfg = cfg;
        this.rnd = rnd;
        this.chain = chain;
        this.issuer = fresh();
        this.victim = fresh();
        this.vault = fresh();
        this.inDegree = new int[cfg.users()];
    }

    /** A new address from the seeded generator. */
    Address fresh() {
        byte[] b = new byte[20];
        rnd.nextBytes(b);
        return EthAddresses.fromBytes(b);
    }

    boolean isEndpoint(Address a) {
        Label l = labels.get(a);
        return l != null && !l.category().equals("perpetrator");
    }

    /** Deploys the contracts, funds everyone and seeds the pool: three blocks. */
    void setup() {
        chain.setBalance(issuer, ETHER.multiply(BigInteger.valueOf(100)));
        BigInteger supply = ETHER.multiply(BigInteger.valueOf(10_000_000));
        token = chain.nextContract(issuer);
        tokenAsset = Asset.token(token, "ERC20", 0);
        chain.send(issuer, Optional.empty(), BigInteger.ZERO,
                ScenarioContracts.deployment("StakedToken", new Uint256(supply)), GAS_DEPLOY,
                List.of(new Flow(TransferKind.ERC20, EthAddresses.ZERO, issuer, tokenAsset, supply)));
        pool = chain.nextContract(issuer);
        chain.send(issuer, Optional.empty(), BigInteger.ZERO,
                ScenarioContracts.deployment("ConstantProductPool", ScenarioContracts.abi(token)), GAS_DEPLOY, List.of());
        mixer = chain.nextContract(issuer);
        chain.send(issuer, Optional.empty(), BigInteger.ZERO,
                ScenarioContracts.deployment("FixedMixer", new Uint256(MIX_DENOMINATION)), GAS_DEPLOY, List.of());
        router = chain.nextContract(issuer);
        chain.send(issuer, Optional.empty(), BigInteger.ZERO,
                ScenarioContracts.creationCode("BridgeRouter"), GAS_DEPLOY, List.of());
        endBlock(12);
        fund();
        endBlock(12);
        Address lp = users.get(0);
        BigInteger liquidity = ETHER.multiply(BigInteger.valueOf(3_000));
        chain.setBalance(lp, ETHER.multiply(BigInteger.valueOf(5_000)));
        approve(lp, pool, liquidity);
        chain.send(lp, Optional.of(pool), liquidity, ScenarioContracts.addLiquidity(liquidity), GAS_CALL, List.of(
                new Flow(TransferKind.NATIVE, lp, pool, ETH, liquidity),
                new Flow(TransferKind.ERC20, lp, pool, tokenAsset, liquidity)));
        reserveEth = liquidity;
        reserveToken = liquidity;
        endBlock(12);
        label();
    }

    private void fund() {
        chain.setBalance(victim, ETHER.multiply(BigInteger.valueOf(5_000)));
        payToken(issuer, victim, ETHER.multiply(BigInteger.valueOf(20_000)));
        for (int i = 0; i < cfg.exchanges(); i++) {
            Exchange e = new Exchange(NAMES[i % NAMES.length] + (i < NAMES.length ? "" : " " + i), fresh());
            exchanges.add(e);
            chain.setBalance(e.hot, ETHER.multiply(BigInteger.valueOf(3_000)));
            payToken(issuer, e.hot, ETHER.multiply(BigInteger.valueOf(10_000)));
        }
        for (int i = 0; i < cfg.users(); i++) {
            Address u = fresh();
            users.add(u);
            chain.setBalance(u, logUniform(ETHER, 1, 300));
            if (i == 0) {
                payToken(issuer, u, ETHER.multiply(BigInteger.valueOf(5_000)));
            } else if (i % 2 == 0) {
                payToken(issuer, u, logUniform(ETHER, 10, 2_000));
            }
        }
    }

    private void label() {
        labels.put(victim, new Label("Victim Exchange", "exchange"));
        for (Exchange e : exchanges) {
            labels.put(e.hot, new Label(e.name, "exchange"));
        }
        labels.put(pool, new Label("Example DEX", "dex"));
        labels.put(mixer, new Label("Example Mixer", "mixer"));
        labels.put(router, new Label("Example Bridge", "bridge"));
        labels.put(vault, new Label("Example Bridge", "bridge"));
    }

    /** Mines the queued transactions, {@code seconds} after the previous block. */
    void endBlock(long seconds) {
        chain.mine(seconds);
        block++;
    }

    /** The deposit address of {@code owner} at {@code e}, created (labelled, given gas) on first use. */
    Address depositAddress(Exchange e, Address owner) {
        return e.depositOf.computeIfAbsent(owner, k -> {
            Address d = fresh();
            e.deposits.add(d);
            labels.put(d, new Label(e.name, "exchange"));
            chain.setBalance(d, DEPOSIT_GAS);
            return d;
        });
    }

    /** A uniformly random amount on a log scale between {@code lo} and {@code hi} units of {@code unit}. */
    BigInteger logUniform(BigInteger unit, double lo, double hi) {
        double x = Math.exp(Math.log(lo) + rnd.nextDouble() * (Math.log(hi) - Math.log(lo)));
        return unit.multiply(BigInteger.valueOf((long) (x * 1_000_000))).divide(BigInteger.valueOf(1_000_000));
    }

    /** {@code amount × ppm / 10^6}. */
    static BigInteger share(BigInteger amount, long ppm) {
        return amount.multiply(BigInteger.valueOf(ppm)).divide(BigInteger.valueOf(1_000_000));
    }

    /** A user picked with probability proportional to 1 + its in-degree (preferential attachment). */
    int preferentialUser(int exclude) {
        long total = 0;
        for (int i = 0; i < inDegree.length; i++) {
            total += i == exclude ? 0 : 1 + inDegree[i];
        }
        long pick = (long) (rnd.nextDouble() * total);
        for (int i = 0; i < inDegree.length; i++) {
            long w = i == exclude ? 0 : 1 + inDegree[i];
            if (pick < w) {
                inDegree[i]++;
                return i;
            }
            pick -= w;
        }
        throw new IllegalStateException("no user to pick");
    }

    String payEth(Address from, Address to, BigInteger value) {
        return chain.send(from, Optional.of(to), value, new byte[0], GAS_TRANSFER,
                List.of(new Flow(TransferKind.NATIVE, from, to, ETH, value)));
    }

    String payToken(Address from, Address to, BigInteger amount) {
        return chain.send(from, Optional.of(token), BigInteger.ZERO, ScenarioContracts.transfer(to, amount), GAS_TOKEN,
                List.of(new Flow(TransferKind.ERC20, from, to, tokenAsset, amount)));
    }

    String approve(Address from, Address spender, BigInteger amount) {
        return chain.send(from, Optional.of(token), BigInteger.ZERO, ScenarioContracts.approve(spender, amount), GAS_TOKEN,
                List.of());
    }

    /** Whether the pool may take a swap in the block being built (one per block keeps prices exact). */
    boolean canSwap() {
        return swapBlock != block;
    }

    /** Approves the pool and swaps {@code in} tokens for ether paid to {@code from}; returns the ether. */
    BigInteger swapTokenForEth(Address from, BigInteger in) {
        BigInteger out = ScenarioContracts.amountOut(in, reserveToken, reserveEth);
        approve(from, pool, in);
        chain.send(from, Optional.of(pool), BigInteger.ZERO, ScenarioContracts.swapTokenForEth(in, out, from), GAS_CALL,
                List.of(new Flow(TransferKind.INTERNAL, pool, from, ETH, out),
                        new Flow(TransferKind.ERC20, from, pool, tokenAsset, in)));
        reserveToken = reserveToken.add(in);
        reserveEth = reserveEth.subtract(out);
        swapBlock = block;
        return out;
    }

    void swapEthForToken(Address from, BigInteger value) {
        BigInteger out = ScenarioContracts.amountOut(value, reserveEth, reserveToken);
        chain.send(from, Optional.of(pool), value, ScenarioContracts.swapEthForToken(out, from), GAS_CALL,
                List.of(new Flow(TransferKind.NATIVE, from, pool, ETH, value),
                        new Flow(TransferKind.ERC20, pool, from, tokenAsset, out)));
        reserveEth = reserveEth.add(value);
        reserveToken = reserveToken.subtract(out);
        swapBlock = block;
    }

    /** Deposits one denomination into the mixer under a fresh note, which is returned. */
    byte[] mixDeposit(Address from) {
        byte[] note = new byte[32];
        rnd.nextBytes(note);
        chain.send(from, Optional.of(mixer), MIX_DENOMINATION,
                ScenarioContracts.mixerDeposit(Bytes32.keccak(note).bytes()), GAS_TOKEN,
                List.of(new Flow(TransferKind.NATIVE, from, mixer, ETH, MIX_DENOMINATION)));
        return note;
    }

    void mixWithdraw(Address caller, byte[] note, Address to) {
        chain.send(caller, Optional.of(mixer), BigInteger.ZERO, ScenarioContracts.mixerWithdraw(note, to), GAS_CALL,
                List.of(new Flow(TransferKind.INTERNAL, mixer, to, ETH, MIX_DENOMINATION)));
    }

    String bridgeEth(Address from, BigInteger value) {
        return chain.send(from, Optional.of(router), value,
                ScenarioContracts.bridgeDeposit(vault, EthAddresses.ZERO, value, memo()), GAS_CALL,
                List.of(new Flow(TransferKind.NATIVE, from, router, ETH, value),
                        new Flow(TransferKind.INTERNAL, router, vault, ETH, value)));
    }

    String bridgeToken(Address from, BigInteger amount) {
        approve(from, router, amount);
        return chain.send(from, Optional.of(router), BigInteger.ZERO,
                ScenarioContracts.bridgeDeposit(vault, token, amount, memo()), GAS_CALL,
                List.of(new Flow(TransferKind.ERC20, from, vault, tokenAsset, amount)));
    }

    /** A THORChain swap memo to a fresh native segwit Bitcoin address. */
    private String memo() {
        byte[] program = new byte[20];
        rnd.nextBytes(program);
        return "SWAP:BTC.BTC:" + Bech32.encodeSegwit("bc", 0, program, 0, 20);
    }
}
