package dev.cordon.intel.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code Digital Currency Address - CUR address} mention in SDN remarks.
 *
 * @param terminated whether a {@code ;} or the closing {@code .} follows the address; false when
 *                   the remarks stop inside it (a cut remark)
 */
record RemarkAddress(String currency, String address, boolean terminated) {
    static List<RemarkAddress> find(String remarks) {
        List<RemarkAddress> out = new ArrayList<>();
        int i = remarks.indexOf(SdnCsvImporter.MARK);
        while (i >= 0) {
            int p = i + SdnCsvImporter.MARK.length();
            int sp = p;
            while (sp < remarks.length() && !Character.isWhitespace(remarks.charAt(sp))) {
                sp++;
            }
            String currency = remarks.substring(p, sp);
            int a = sp;
            while (a < remarks.length() && Character.isWhitespace(remarks.charAt(a))) {
                a++;
            }
            int e = a;
            while (e < remarks.length() && remarks.charAt(e) != ';' && !Character.isWhitespace(remarks.charAt(e))) {
                e++;
            }
            String addr = remarks.substring(a, e);
            boolean terminated = e < remarks.length();
            if (!terminated && addr.endsWith(".")) {
                addr = addr.substring(0, addr.length() - 1);
                terminated = true;
            }
            if (!addr.isEmpty()) {
                out.add(new RemarkAddress(currency, addr, terminated));
            }
            i = remarks.indexOf(SdnCsvImporter.MARK, e);
        }
        return out;
    }
}
