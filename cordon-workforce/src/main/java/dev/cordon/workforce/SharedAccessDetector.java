package dev.cordon.workforce;

import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.workforce.internal.Durations;
import dev.cordon.workforce.internal.Hashing;
import dev.cordon.workforce.internal.SharedTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One IP address, device or MFA phone used by several accounts: a laptop farm, or one worker
 * holding several identities. Private addresses and the office allow-list are ignored, and by
 * default so are anonymising exits (one VPN exit serves strangers; {@link AnonymiserEgressDetector}
 * reports those). Every account of a shared key is reported once per key: device and phone HIGH,
 * IP MEDIUM.
 *
 * <p>Design notes: three {@link SharedTable}s keyed by 64-bit hashes; memory is bounded per key
 * (at most eight accounts kept, the stalest replaced).
 */
public final class SharedAccessDetector extends AccountLoginDetector<SharedAccessDetector.Params> {
    public static final String NAME = "shared-access";
    private static final int TAG_DEVICE = 1;
    private static final int TAG_PHONE = 2;

    /**
     * @param minAccountsIp     accounts on one IP within the IP window that trigger (default 2)
     * @param minAccountsDevice accounts on one device that trigger (default 2)
     * @param minAccountsPhone  accounts on one MFA phone that trigger (default 2)
     * @param ipWindow          accounts count for an IP only if seen within this (default 24 h)
     * @param deviceWindow      same for devices and phones (default 30 days)
     * @param includeAnonymisingIps count VPN/hosting exits as shared IPs (default false)
     */
    public record Params(int minAccountsIp, int minAccountsDevice, int minAccountsPhone, Duration ipWindow,
                         Duration deviceWindow, boolean includeAnonymisingIps) {
        public Params {
            Objects.requireNonNull(ipWindow, "ipWindow");
            Objects.requireNonNull(deviceWindow, "deviceWindow");
            for (int m : new int[] {minAccountsIp, minAccountsDevice, minAccountsPhone}) {
                if (m < 2 || m > SharedTable.MEMBERS) {
                    throw new IllegalArgumentException("minimum accounts must be in 2.." + SharedTable.MEMBERS);
                }
            }
            Durations.requirePositive("windows must be > 0", ipWindow, deviceWindow);
        }

        public static Params defaults() {
            return new Params(2, 2, 2, Duration.ofHours(24), Duration.ofDays(30), false);
        }
    }

    private final SharedTable ips = new SharedTable();
    private final SharedTable devices = new SharedTable();
    private final SharedTable phones = new SharedTable();

    public SharedAccessDetector(Params params, Accounts accounts) {
        super(NAME, params, accounts);
    }

    @Override
    public int touch(int a, EnrichedLogin l) {
        String device = l.event().deviceId();
        int ip = l.ipKey() == 0 ? 0 : ips.peek(l.ipKey());
        return ip + (device.isEmpty() ? 0 : devices.peek(Hashing.of(device, TAG_DEVICE)));
    }

    @Override
    public void onLogin(int a, EnrichedLogin l, Consumer<Finding> out) {
        LoginEvent e = l.event();
        if (e.outcome() == Outcome.FAILURE) {
            return;
        }
        int t = (int) (e.epochMillis() / 1000);
        EgressKind k = l.egress().kind();
        if (l.ipKey() != 0 && k != EgressKind.PRIVATE && k != EgressKind.OFFICE
                && (params.includeAnonymisingIps() || !k.anonymising())) {
            check(ips, ips.touch(l.ipKey(), a, t), t, "ip", e.ip(), params.minAccountsIp(), params.ipWindow(),
                    Severity.MEDIUM, l, out);
        }
        if (!e.deviceId().isEmpty()) {
            check(devices, devices.touch(Hashing.of(e.deviceId(), TAG_DEVICE), a, t), t, "device", e.deviceId(),
                    params.minAccountsDevice(), params.deviceWindow(), Severity.HIGH, l, out);
        }
        if (!e.mfaPhone().isEmpty()) {
            check(phones, phones.touch(Hashing.of(e.mfaPhone(), TAG_PHONE), a, t), t, "mfa_phone", e.mfaPhone(),
                    params.minAccountsPhone(), params.deviceWindow(), Severity.HIGH, l, out);
        }
    }

    private void check(SharedTable table, int slot, int t, String kind, String value, int min, Duration window,
                       Severity severity, EnrichedLogin l, Consumer<Finding> out) {
        int n = table.members(slot);
        if (n < min) {
            return;
        }
        long w = window.toSeconds();
        List<String> active = new ArrayList<>(n);
        boolean pending = false;
        for (int i = 0; i < n; i++) {
            if (Math.abs((long) t - table.seen(slot, i)) <= w) {
                active.add(accounts.name(table.member(slot, i)));
                pending |= !table.reported(slot, i);
            }
        }
        if (active.size() < min || !pending) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if (Math.abs((long) t - table.seen(slot, i)) <= w && !table.reported(slot, i)) {
                table.markReported(slot, i);
                String account = accounts.name(table.member(slot, i));
                List<String> others = new ArrayList<>(active);
                others.remove(account);
                out.accept(finding(NAME, severity, account, l,
                        account + ": " + kind + " " + value + " also used by " + String.join(", ", others),
                        "kind", kind, kind, value, "other_accounts", String.join(", ", others),
                        "window", window.toString()));
            }
        }
    }

    @Override
    public long stateBytes() {
        return ips.bytes() + devices.bytes() + phones.bytes();
    }
}
