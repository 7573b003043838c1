package dev.cordon.intel.scenario.eth;

import dev.cordon.core.Address;
import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.core.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * The scenario's contracts ({@code ScenarioContracts.sol} beside this class's resources) and the
 * calldata of the functions the generator calls. Creation code is read from the committed
 * {@code <Contract>.bin} files, so no compiler is needed at run time.
 */
public final class ScenarioContracts {
    /** Resource folder of the source and the compiled code. */
    public static final String RESOURCES = "dev/cordon/intel/scenario/eth/";
    /** The Solidity source, compiled by solc-js 0.8.28 with {@code --bin}. */
    public static final String SOURCE = RESOURCES + "ScenarioContracts.sol";
    /** The contracts whose creation code is committed. */
    public static final List<String> NAMES = List.of("StakedToken", "ConstantProductPool", "FixedMixer", "BridgeRouter");

    private ScenarioContracts() {
    }

    /**
     * The committed creation code of {@code name} (one of {@link #NAMES}).
     *
     * @throws CordonException with {@link ErrorCode#IO} when the resource is missing or unreadable
     */
    public static byte[] creationCode(String name) {
        String resource = RESOURCES + name + ".bin";
        try (InputStream in = ScenarioContracts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new CordonException(ErrorCode.IO, "resource " + resource + " is missing");
            }
            return Hex.decode(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim(), resource);
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    /** The committed creation code of {@code name} followed by its ABI-encoded constructor arguments. */
    public static byte[] deployment(String name, Type<?>... args) {
        byte[] code = creationCode(name);
        StringBuilder hex = new StringBuilder();
        for (Type<?> a : args) {
            hex.append(TypeEncoder.encode(a));
        }
        byte[] encoded = Hex.decode(hex, name + " constructor");
        byte[] out = Arrays.copyOf(code, code.length + encoded.length);
        System.arraycopy(encoded, 0, out, code.length, encoded.length);
        return out;
    }

    /** An address as a web3j ABI value. */
    public static org.web3j.abi.datatypes.Address abi(Address a) {
        return new org.web3j.abi.datatypes.Address(a.value());
    }

    static Uint256 uint(BigInteger v) {
        return new Uint256(v);
    }

    static byte[] transfer(Address to, BigInteger value) {
        return call("transfer", abi(to), uint(value));
    }

    static byte[] approve(Address spender, BigInteger value) {
        return call("approve", abi(spender), uint(value));
    }

    static byte[] addLiquidity(BigInteger tokenAmount) {
        return call("addLiquidity", uint(tokenAmount));
    }

    static byte[] swapTokenForEth(BigInteger tokenIn, BigInteger ethOut, Address to) {
        return call("swapTokenForEth", uint(tokenIn), uint(ethOut), abi(to));
    }

    static byte[] swapEthForToken(BigInteger tokenOut, Address to) {
        return call("swapEthForToken", uint(tokenOut), abi(to));
    }

    static byte[] mixerDeposit(byte[] commitment) {
        return call("deposit", new Bytes32(commitment));
    }

    static byte[] mixerWithdraw(byte[] note, Address to) {
        return call("withdraw", new Bytes32(note), abi(to));
    }

    static byte[] bridgeDeposit(Address vault, Address asset, BigInteger amount, String memo) {
        return call("deposit", abi(vault), abi(asset), uint(amount), new Utf8String(memo));
    }

    private static byte[] call(String name, Type<?>... args) {
        String hex = FunctionEncoder.encode(new Function(name, List.of(args), List.of()));
        return Hex.decode(hex.substring(2), name);
    }

    /**
     * Uniswap v2's output for an exact input with a 0.3% fee: {@code floor(in·997·rOut / (rIn·1000
     * + in·997))}, the largest output the pool's check accepts.
     */
    static BigInteger amountOut(BigInteger in, BigInteger reserveIn, BigInteger reserveOut) {
        BigInteger inFee = in.multiply(BigInteger.valueOf(997));
        return inFee.multiply(reserveOut).divide(reserveIn.multiply(BigInteger.valueOf(1000)).add(inFee));
    }
}
