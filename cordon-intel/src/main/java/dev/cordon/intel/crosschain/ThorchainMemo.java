package dev.cordon.intel.crosschain;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A THORChain transaction memo, as carried in a Bitcoin OP_RETURN output or the {@code memo}
 * argument of an Ethereum router {@code deposit} call. Grammar from THORChain's developer
 * documentation ("Transaction Memos", dev.thorchain.org): fields separated by {@code :}; the
 * action first. Only the two kinds tracing needs are decoded:
 *
 * <ul>
 *   <li>{@link Swap}: {@code SWAP:ASSET:DESTADDR[:LIM[/INTERVAL/QUANTITY][:AFFILIATE:FEE]]}, with
 *       the action also written {@code s} or {@code =}; the asset is {@code CHAIN.SYMBOL[-ID]},
 *       a synth ({@code CHAIN/SYMBOL}) or trade asset ({@code CHAIN~SYMBOL}), a gas asset by its
 *       chain alone ({@code BTC}) or a one-letter short code ({@code b e r a c d l g});</li>
 *   <li>{@link Outbound}: {@code OUT:<inbound tx hash>} and {@code REFUND:<inbound tx hash>},
 *       written by THORChain's vaults on the transaction that pays the swap out (or back).</li>
 * </ul>
 */
public sealed interface ThorchainMemo {
    /** Bitcoin's limit on an OP_RETURN payload in standard transactions; longer text is not a memo. */
    int MAX_LENGTH = 250;

    /**
     * An inbound swap.
     *
     * @param chain       the destination chain code ({@code ETH}, {@code BTC}, {@code THOR}...)
     * @param asset       the full destination asset ({@code ETH.USDT-0XDAC1...})
     * @param destination the destination address as written (a THORName is possible)
     * @param limit       the limit field as written, if any
     */
    record Swap(String chain, String asset, String destination, Optional<String> limit) implements ThorchainMemo {
        public Swap {
            Objects.requireNonNull(chain, "chain");
            Objects.requireNonNull(asset, "asset");
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(limit, "limit");
        }
    }

    /**
     * A vault's outbound (or refund) payment for an inbound transaction.
     *
     * @param inboundHash the inbound transaction hash, lower-case hex without {@code 0x}
     */
    record Outbound(String inboundHash, boolean refund) implements ThorchainMemo {
        public Outbound {
            Objects.requireNonNull(inboundHash, "inboundHash");
        }
    }

    /** The one-letter asset codes THORChain accepts in memos. */
    Map<String, String> SHORT_CODES = Map.of("b", "BTC.BTC", "e", "ETH.ETH", "r", "THOR.RUNE", "a", "AVAX.AVAX",
            "c", "BCH.BCH", "d", "DOGE.DOGE", "l", "LTC.LTC", "g", "GAIA.ATOM");

    /**
     * Decodes a memo. Running time O(length).
     *
     * @return the memo, or empty when the text is not a swap or outbound memo (another action,
     *         free text, too long)
     * @throws CordonException with {@link ErrorCode#DATA} when the text is a swap or outbound memo
     *                         with a missing or malformed field (the message says which)
     */
    static Optional<ThorchainMemo> parse(String text) {
        if (text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] f = text.strip().split(":", -1);
        String action = f[0].toUpperCase(Locale.ROOT);
        return switch (action) {
            case "SWAP", "S", "=" -> Optional.of(swap(text, f));
            case "OUT", "REFUND" -> Optional.of(outbound(text, f, action.equals("REFUND")));
            default -> Optional.empty();
        };
    }

    private static Swap swap(String text, String[] f) {
        if (f.length < 3 || f[2].isBlank()) {
            throw bad(text, "swap without a destination address");
        }
        String asset = asset(text, f[1].strip());
        String dest = f[2].strip();
        for (int i = 0; i < dest.length(); i++) {
            char c = dest.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && c != '.' && c != '-' && c != '_') {
                throw bad(text, "bad character in destination address at position " + i);
            }
        }
        int cut = indexOfSeparator(asset);
        Optional<String> limit = f.length > 3 && !f[3].isBlank() ? Optional.of(f[3].strip()) : Optional.empty();
        return new Swap(asset.substring(0, cut), asset, dest, limit);
    }

    private static String asset(String text, String a) {
        if (a.isEmpty()) {
            throw bad(text, "swap without a destination asset");
        }
        String shortCode = SHORT_CODES.get(a.toLowerCase(Locale.ROOT));
        if (a.length() == 1 && shortCode != null) {
            return shortCode;
        }
        String up = a.toUpperCase(Locale.ROOT);
        int cut = indexOfSeparator(up);
        if (cut == up.length()) {
            if (!up.chars().allMatch(c -> c >= 'A' && c <= 'Z') || up.length() > 10) {
                throw bad(text, "unknown asset '" + a + "'");
            }
            return up + "." + up;
        }
        if (cut == 0 || cut == up.length() - 1) {
            throw bad(text, "asset '" + a + "' lacks a chain or a symbol");
        }
        return up;
    }

    private static int indexOfSeparator(String asset) {
        for (int i = 0; i < asset.length(); i++) {
            char c = asset.charAt(i);
            if (c == '.' || c == '/' || c == '~') {
                return i;
            }
        }
        return asset.length();
    }

    private static Outbound outbound(String text, String[] f, boolean refund) {
        if (f.length < 2) {
            throw bad(text, "outbound without the inbound transaction hash");
        }
        String h = f[1].strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("0x")) {
            h = h.substring(2);
        }
        if (h.length() != 64 || !h.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw bad(text, "inbound transaction hash is not 64 hex digits");
        }
        return new Outbound(h, refund);
    }

    private static CordonException bad(String text, String why) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return new CordonException(ErrorCode.DATA, ("THORChain memo '" + shown + "': " + why).replaceAll("\\p{Cntrl}", "?"));
    }
}
