package dev.cordon.workforce;

import java.time.Instant;
import java.util.Objects;

/**
 * One fact from an endpoint inventory: a running process, installed software, a service, a
 * contacted domain, a USB device or a locale setting.
 *
 * @param epochMillis when it was observed, or 0 when the inventory has no time
 * @param device      host name or device id; never empty
 * @param account     logged-in or owning account (lower-cased), or empty
 * @param kind        what was observed
 * @param name        process/executable/software/service name, domain, or locale tag; may be empty for USB
 * @param path        file or install path, or empty
 * @param usb         the USB device for {@link Kind#USB}, otherwise {@link UsbDevice#NONE}
 * @param source      file name, for evidence
 * @param line        line or record number in the source, or 0
 */
public record EndpointObservation(long epochMillis, String device, String account, Kind kind, String name,
                                  String path, UsbDevice usb, String source, long line) {
    /** What an observation is about. */
    public enum Kind {
        PROCESS, SOFTWARE, SERVICE, DOMAIN, USB, LOCALE
    }

    public EndpointObservation {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(usb, "usb");
        Objects.requireNonNull(source, "source");
        if (device.isBlank()) {
            throw new IllegalArgumentException("device is empty");
        }
        if (kind != Kind.USB && name.isBlank() && path.isBlank()) {
            throw new IllegalArgumentException("observation has neither name nor path");
        }
    }

    public Instant time() {
        return Instant.ofEpochMilli(epochMillis);
    }
}
