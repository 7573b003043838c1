package dev.cordon.workforce;

import dev.cordon.core.Finding;
import dev.cordon.core.Severity;
import dev.cordon.workforce.internal.Ev;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * IP-KVM devices in USB inventories, the hardware of "laptop farms" that lets a remote worker
 * drive a company laptop:
 * <ul>
 *   <li>manufacturer or product strings naming PiKVM, TinyPilot or BliKVM: CRITICAL;</li>
 *   <li>the Linux Foundation "Multifunction Composite Gadget" id {@code 1d6b:0104}, which Raspberry-Pi
 *   based KVMs present by default: HIGH;</li>
 *   <li>one USB device (same ids and serial) that is a boot keyboard and mass storage at once: HIGH;</li>
 *   <li>other product strings containing "KVM": MEDIUM.</li>
 * </ul>
 * One finding per device and USB device.
 */
public final class IpKvmDetector implements EndpointDetector {
    public static final String NAME = "ip-kvm";
    /** Linux Foundation, the vendor id of Linux USB gadgets. */
    public static final int LINUX_FOUNDATION = 0x1d6b;
    /** Multifunction Composite Gadget. */
    public static final int COMPOSITE_GADGET = 0x0104;

    /** @param namedProducts lower-case product names that identify IP-KVMs (default pikvm, pi-kvm, tinypilot, blikvm) */
    public record Params(Set<String> namedProducts) {
        public Params {
            namedProducts = Set.copyOf(namedProducts);
            if (namedProducts.isEmpty()) {
                throw new IllegalArgumentException("namedProducts must not be empty");
            }
        }

        public static Params defaults() {
            return new Params(Set.of("pikvm", "pi-kvm", "tinypilot", "blikvm"));
        }
    }

    private final Params params;
    private final Map<String, Integer> classes = new HashMap<>();
    private final Set<String> reported = new HashSet<>();

    public IpKvmDetector(Params params) {
        this.params = params;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onObservation(EndpointObservation o, Consumer<Finding> out) {
        if (o.kind() != EndpointObservation.Kind.USB) {
            return;
        }
        UsbDevice u = o.usb();
        String key = o.device() + "\u0000" + u.ids() + "\u0000" + u.serial();
        String strings = (u.vendor() + " " + u.product() + " " + o.name()).toLowerCase(Locale.ROOT);
        String named = params.namedProducts().stream().filter(strings::contains).findFirst().orElse("");
        int mask = classes.merge(key, classBit(u), (x, y) -> x | y);
        String why;
        Severity s;
        if (!named.isEmpty()) {
            why = "names " + named;
            s = Severity.CRITICAL;
        } else if (u.vendorId() == LINUX_FOUNDATION && u.productId() == COMPOSITE_GADGET) {
            why = "is a Linux USB composite gadget (1d6b:0104), the default of Raspberry-Pi IP-KVMs";
            s = Severity.HIGH;
        } else if ((mask & 3) == 3) {
            why = "is a keyboard and mass storage at once";
            s = Severity.HIGH;
        } else if (strings.contains("kvm")) {
            why = "calls itself a KVM";
            s = Severity.MEDIUM;
        } else {
            return;
        }
        if (!reported.add(key)) {
            return;
        }
        out.accept(new Finding(NAME, s, Subjects.device(o.device()), Instant.ofEpochMilli(o.epochMillis()),
                o.device() + ": USB device " + describe(u) + " " + why,
                Ev.of("usb_ids", u.ids(), "vendor", u.vendor(), "product", u.product(), "serial", u.serial(),
                        "reason", why, "account", o.account(), "record", Ev.at(o.source(), o.line())),
                List.of(o.source())));
    }

    private static int classBit(UsbDevice u) {
        if (u.usbClass() == UsbDevice.CLASS_HID && (u.protocol() == 1 || u.protocol() == -1)) {
            return 1;
        }
        return u.usbClass() == UsbDevice.CLASS_MASS_STORAGE ? 2 : 0;
    }

    private static String describe(UsbDevice u) {
        String p = (u.vendor() + " " + u.product()).trim();
        return (u.ids().isEmpty() ? "" : u.ids() + " ") + (p.isEmpty() ? "" : "\"" + p + "\"");
    }
}
