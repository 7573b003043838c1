package dev.cordon.workforce;

import dev.cordon.core.CordonException;
import dev.cordon.core.ErrorCode;
import dev.cordon.workforce.internal.CidrSet;
import dev.cordon.workforce.internal.Ip;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * VPN, hosting, proxy and Tor egress lists, office allow-list and known-bad operators.
 *
 * <p>The bundled lists (see {@code network/*}/PROVENANCE.txt): X4BNet lists_vpn (VPN and data
 * centre CIDRs and ASNs), lord-alfred ipranges (cloud provider ranges, ProtonVPN) and
 * {@code bad-operators.txt}. A user file adds entries, one per line, {@code #} for comments:
 * <pre>
 *   vpn          203.0.113.0/24   Astrill      # kind, CIDR or single IP, optional operator
 *   hosting      AS64500          ExampleHost  # kind, ASN
 *   office       198.51.100.0/24  HQ NAT       # allow-listed company egress
 *   bad-operator astrill                       # operator name weighted higher
 * </pre>
 * Kinds: {@code vpn}, {@code hosting}, {@code proxy}, {@code tor}, {@code office},
 * {@code bad-operator}. User entries take precedence over bundled ones. Immutable and thread-safe.
 */
public final class NetworkLists {
    private static final int VERDICTS = 256;

    private record Verdict(String name, boolean bad) {
    }

    private static final String BASE = "/dev/cordon/workforce/network/";
    private static volatile NetworkLists bundled;

    /** One list entry's meaning. */
    private record Label(EgressKind kind, String operator, String basis) {
    }

    private final List<Label> labels;
    private final CidrSet userRanges;
    private final CidrSet ranges;
    private final CidrSet office;
    /** AS numbers with a label, ascending, and their labels: a binary search, no boxing. */
    private final long[] asnKeys;
    private final int[] asnLabels;
    private final List<String> badOperators;
    /**
     * Memo of {@link #isBad} for recurring AS and operator names, direct-mapped by hash code. Entries
     * are immutable and replaced whole, so threads sharing these lists may race on a slot and at
     * worst recompute a verdict.
     */
    private final Verdict[] verdicts = new Verdict[VERDICTS];

    private NetworkLists(Loader l) {
        this.labels = List.copyOf(l.labels);
        this.userRanges = l.userRanges.build();
        this.ranges = l.ranges.build();
        this.office = l.office.build();
        this.asnKeys = l.asns.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        this.asnLabels = new int[asnKeys.length];
        for (int i = 0; i < asnKeys.length; i++) {
            asnLabels[i] = l.asns.get(asnKeys[i]);
        }
        this.badOperators = List.copyOf(l.bad);
    }

    /** The bundled lists (loaded once). */
    public static NetworkLists bundled() {
        NetworkLists b = bundled;
        if (b == null) {
            synchronized (NetworkLists.class) {
                b = bundled;
                if (b == null) {
                    b = new NetworkLists(Loader.bundled(new Loader()));
                    bundled = b;
                }
            }
        }
        return b;
    }

    /** No lists at all (everything is ordinary unless the provider flags it). */
    public static NetworkLists empty() {
        return new NetworkLists(new Loader());
    }

    /**
     * The bundled lists plus a user file, whose entries win.
     *
     * @throws CordonException {@link ErrorCode#IO} if unreadable, {@link ErrorCode#DATA} naming the
     *                         first bad line
     */
    public static NetworkLists bundledWith(Path userFile) {
        Loader l = new Loader();
        try (BufferedReader r = Files.newBufferedReader(userFile, StandardCharsets.UTF_8)) {
            l.user(r, userFile.toString());
        } catch (IOException e) {
            throw new CordonException(ErrorCode.IO, "cannot read network list " + userFile + ": " + e.getMessage(), e);
        }
        return new NetworkLists(Loader.bundled(l));
    }

    /** Number of merged ranges, ASNs and operators, for reports. */
    public String summary() {
        return ranges.size() + userRanges.size() + " ranges, " + asnKeys.length + " ASNs, " + office.size() + " office ranges, "
                + badOperators.size() + " known-bad operators";
    }

    /**
     * Classifies a login's address. Order: private, office allow-list, provider flags (tunnel,
     * proxy), CIDR lists, ASN lists.
     *
     * @param ip    the parsed address, or null when the log had none
     * @param asn   AS number from a database or the provider, or 0
     * @param asOrg AS organisation or ISP name, or empty
     */
    public Egress classify(Ip ip, long asn, String asOrg, NetworkHints hints) {
        if (ip != null && ip.isPrivate()) {
            return Egress.PRIVATE;
        }
        if (ip != null && office.contains(ip)) {
            return new Egress(EgressKind.OFFICE, "", "office allow-list", false);
        }
        if (hints.anonymised()) {
            EgressKind k = hints.tunnelType().toUpperCase(Locale.ROOT).contains("TOR") ? EgressKind.TOR
                    : hints.tunnelType().isEmpty() && hints.proxy() ? EgressKind.PROXY : EgressKind.VPN;
            String op = hints.tunnelOperator().isEmpty() ? asOrg : hints.tunnelOperator();
            String basis = hints.tunnelType().isEmpty() && hints.tunnelOperator().isEmpty() ? "idp:proxy-flag"
                    : "idp:tunnel";
            return new Egress(k, op, basis, isBad(op) || isBad(asOrg));
        }
        int label = ip == null ? -1 : userRanges.label(ip);
        if (label < 0 && ip != null) {
            label = ranges.label(ip);
        }
        if (label < 0 && asn > 0) {
            int i = Arrays.binarySearch(asnKeys, asn);
            label = i >= 0 ? asnLabels[i] : -1;
        }
        if (label >= 0) {
            Label l = labels.get(label);
            String op = l.operator().isEmpty() ? asOrg : l.operator();
            return new Egress(l.kind(), op, l.basis(), isBad(op) || isBad(asOrg));
        }
        if (isBad(asOrg)) {
            return new Egress(EgressKind.VPN, asOrg, "bad-operator name", true);
        }
        return Egress.ORDINARY;
    }

    /** True when the name contains a known-bad operator name. */
    public boolean isBad(String name) {
        if (name.isEmpty() || badOperators.isEmpty()) {
            return false;
        }
        int h = name.hashCode();
        int slot = (h ^ (h >>> 16)) & (VERDICTS - 1);
        Verdict v = verdicts[slot];
        if (v != null && (v.name == name || v.name.equals(name))) {
            return v.bad;
        }
        boolean bad = matchesBad(name);
        verdicts[slot] = new Verdict(name, bad);
        return bad;
    }

    private boolean matchesBad(String name) {
        String n = squash(name);
        for (String b : badOperators) {
            if (n.contains(b)) {
                return true;
            }
        }
        return false;
    }

    static String squash(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** Mutable state while loading. */
    private static final class Loader {
        final List<Label> labels = new ArrayList<>();
        final CidrSet.Builder userRanges = CidrSet.builder();
        final CidrSet.Builder ranges = CidrSet.builder();
        final CidrSet.Builder office = CidrSet.builder();
        final Map<Long, Integer> asns = new HashMap<>();
        final List<String> bad = new ArrayList<>();

        int label(EgressKind kind, String operator, String basis) {
            labels.add(new Label(kind, operator, basis));
            return labels.size() - 1;
        }

        static Loader bundled(Loader l) {
            l.cidrs("x4bnet/vpn-ipv4.txt", l.label(EgressKind.VPN, "", "x4bnet-vpn"));
            l.cidrs("x4bnet/vpn-ipv6.txt", l.label(EgressKind.VPN, "", "x4bnet-vpn"));
            l.cidrs("ipranges/protonvpn-ipv4.txt", l.label(EgressKind.VPN, "ProtonVPN", "ipranges-protonvpn"));
            l.cidrs("ipranges/cloud-ipv4.txt", l.label(EgressKind.HOSTING, "", "ipranges-cloud"));
            l.cidrs("ipranges/cloud-ipv6.txt", l.label(EgressKind.HOSTING, "", "ipranges-cloud"));
            l.cidrs("x4bnet/datacenter-ipv4.txt", l.label(EgressKind.HOSTING, "", "x4bnet-datacenter"));
            l.cidrs("x4bnet/datacenter-ipv6.txt", l.label(EgressKind.HOSTING, "", "x4bnet-datacenter"));
            l.asnList("x4bnet/vpn-asn.txt", EgressKind.VPN, "x4bnet-vpn-asn");
            l.asnList("x4bnet/datacenter-asn.txt", EgressKind.HOSTING, "x4bnet-datacenter-asn");
            for (String line : lines("bad-operators.txt")) {
                l.bad.add(squash(line));
            }
            return l;
        }

        private void cidrs(String resource, int label) {
            for (String line : lines(resource)) {
                ranges.add(line, label);
            }
        }

        /** Lines {@code AS9009 # M247, GB (NordVPN)}: the comment names the operator. */
        private void asnList(String resource, EgressKind kind, String basis) {
            for (String line : lines(resource)) {
                String[] parts = line.split("#", 2);
                long asn = parseAsn(parts[0].trim());
                if (asn > 0) {
                    String op = parts.length > 1 ? parts[1].trim() : "";
                    asns.putIfAbsent(asn, label(kind, op, basis + ":AS" + asn));
                }
            }
        }

        private static List<String> lines(String resource) {
            InputStream in = NetworkLists.class.getResourceAsStream(BASE + resource);
            Objects.requireNonNull(in, () -> "bundled list missing: " + resource);
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String t = line.trim();
                    if (!t.isEmpty() && !t.startsWith("#")) {
                        out.add(t);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("bundled list unreadable: " + resource, e);
            }
            return out;
        }

        void user(BufferedReader r, String name) throws IOException {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                int hash = line.indexOf('#');
                String t = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (t.isEmpty()) {
                    continue;
                }
                String[] f = t.split("\\s+", 3);
                if (!userEntry(f, "user:" + name)) {
                    throw new CordonException(ErrorCode.DATA, name + ":" + n + ": expected '<vpn|hosting|proxy|tor|office"
                            + "> <cidr|ASn> [operator]' or 'bad-operator <name>', got: " + t);
                }
            }
        }

        private boolean userEntry(String[] f, String basis) {
            String kind = f[0].toLowerCase(Locale.ROOT);
            if (kind.equals("bad-operator")) {
                if (f.length < 2) {
                    return false;
                }
                bad.add(squash(f.length == 3 ? f[1] + f[2] : f[1]));
                return true;
            }
            if (f.length < 2) {
                return false;
            }
            EgressKind k = switch (kind) {
                case "vpn" -> EgressKind.VPN;
                case "hosting" -> EgressKind.HOSTING;
                case "proxy" -> EgressKind.PROXY;
                case "tor" -> EgressKind.TOR;
                case "office" -> EgressKind.OFFICE;
                default -> null;
            };
            if (k == null) {
                return false;
            }
            String op = f.length == 3 ? f[2] : "";
            long asn = parseAsn(f[1]);
            if (asn > 0 && k != EgressKind.OFFICE) {
                asns.put(asn, label(k, op, basis));
                return true;
            }
            return k == EgressKind.OFFICE ? office.add(f[1], 0) : userRanges.add(f[1], label(k, op, basis));
        }

        private static long parseAsn(String s) {
            String t = s.toUpperCase(Locale.ROOT);
            if (!t.startsWith("AS") || t.length() < 3 || t.length() > 12) {
                return -1;
            }
            for (int i = 2; i < t.length(); i++) {
                if (!Character.isDigit(t.charAt(i))) {
                    return -1;
                }
            }
            long v = Long.parseLong(t.substring(2));
            return v > 0 && v <= 0xFFFF_FFFFL ? v : -1;
        }
    }
}
