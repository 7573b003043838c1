package dev.cordon.workforce;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Dense integer ids for account names, so that detectors keep per-account state in primitive
 * arrays indexed by id. Ids start at 0 and are never reused. Not thread-safe.
 */
public final class Accounts {
    private final Map<String, Integer> ids = new HashMap<>();
    private String[] names = new String[1024];

    /** The id of the account, assigning the next one on first sight. */
    public int id(String account) {
        Integer id = ids.get(account);
        if (id != null) {
            return id;
        }
        int next = ids.size();
        ids.put(account, next);
        if (next == names.length) {
            names = Arrays.copyOf(names, names.length * 2);
        }
        names[next] = account;
        return next;
    }

    /** The id, or -1 when never seen. */
    public int find(String account) {
        Integer id = ids.get(account);
        return id == null ? -1 : id;
    }

    public String name(int id) {
        if (id < 0 || id >= ids.size()) {
            throw new IllegalArgumentException("no account with id " + id);
        }
        return names[id];
    }

    public int size() {
        return ids.size();
    }
}
