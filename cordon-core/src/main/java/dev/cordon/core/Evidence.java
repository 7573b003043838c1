package dev.cordon.core;

import java.util.Objects;

/** One named fact supporting a finding ({@code ip = 203.0.113.7}, {@code speed_kmh = 41200}). */
public record Evidence(String name, String value) {
    public Evidence {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
