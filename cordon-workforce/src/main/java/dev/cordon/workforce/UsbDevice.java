package dev.cordon.workforce;

import java.util.Objects;

/**
 * A USB device seen on an endpoint.
 *
 * @param vendorId  USB vendor id (0..0xFFFF), or -1 when unknown
 * @param productId USB product id (0..0xFFFF), or -1 when unknown
 * @param vendor    manufacturer string, or empty
 * @param product   product string, or empty
 * @param serial    serial number, or empty
 * @param usbClass  interface class ({@code 3} HID, {@code 8} mass storage), or -1
 * @param protocol  interface protocol ({@code 1} keyboard for HID boot interfaces), or -1
 */
public record UsbDevice(int vendorId, int productId, String vendor, String product, String serial,
                        int usbClass, int protocol) {
    public static final UsbDevice NONE = new UsbDevice(-1, -1, "", "", "", -1, -1);
    /** USB interface class for human-interface devices. */
    public static final int CLASS_HID = 3;
    /** USB interface class for mass storage. */
    public static final int CLASS_MASS_STORAGE = 8;

    public UsbDevice {
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(serial, "serial");
        if (vendorId < -1 || vendorId > 0xFFFF || productId < -1 || productId > 0xFFFF) {
            throw new IllegalArgumentException("USB ids out of range: " + vendorId + ":" + productId);
        }
        if (usbClass < -1 || usbClass > 0xFF || protocol < -1 || protocol > 0xFF) {
            throw new IllegalArgumentException("USB class/protocol out of range: " + usbClass + "/" + protocol);
        }
    }

    /** {@code vvvv:pppp} in lower-case hex, or empty when unknown. */
    public String ids() {
        return vendorId < 0 ? "" : String.format("%04x:%04x", vendorId, Math.max(productId, 0));
    }
}
