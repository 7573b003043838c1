package dev.cordon.workforce;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** HR records indexed by person, account and device. A later record for the same person replaces the earlier one. */
public final class HrDirectory {
    private final Map<String, HrRecord> byPerson = new LinkedHashMap<>();
    private final Map<String, HrRecord> byAccount = new LinkedHashMap<>();
    private final Map<String, HrRecord> byDevice = new LinkedHashMap<>();

    public static HrDirectory of(List<HrRecord> records) {
        HrDirectory d = new HrDirectory();
        records.forEach(d::add);
        return d;
    }

    public void add(HrRecord r) {
        byPerson.put(r.person(), r);
        for (String a : r.accounts()) {
            byAccount.put(a, r);
        }
        for (String dev : r.devices()) {
            byDevice.put(dev, r);
        }
    }

    public Optional<HrRecord> person(String id) {
        return Optional.ofNullable(byPerson.get(id));
    }

    public Optional<HrRecord> byAccount(String account) {
        return Optional.ofNullable(byAccount.get(account));
    }

    public Optional<HrRecord> byDevice(String device) {
        return Optional.ofNullable(byDevice.get(device));
    }

    public Collection<HrRecord> records() {
        return byPerson.values();
    }

    public int size() {
        return byPerson.size();
    }
}
