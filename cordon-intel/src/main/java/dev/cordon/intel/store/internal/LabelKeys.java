package dev.cordon.intel.store.internal;

import dev.cordon.core.Label;
import dev.cordon.core.LabelSubject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Keys of the label columns. A subject key is {@code chain(1) kind(1)} then the address text
 * (printable ASCII) or the 32 transaction bytes; a label key is
 * {@code subjectKey 0x00 dataset 0x00 name}. Dataset ids and names contain no 0x00, so the
 * prefix {@code subjectKey 0x00} selects exactly one subject's labels.
 */
public final class LabelKeys {
    private LabelKeys() {
    }

    public static byte[] subjectPrefix(LabelSubject s) {
        byte[] body = s instanceof LabelSubject.OfTx tx ? tx.tx().bytes() : s.text().getBytes(StandardCharsets.US_ASCII);
        byte[] k = new byte[body.length + 3];
        k[0] = (byte) s.chain().id();
        k[1] = (byte) (s instanceof LabelSubject.OfTx ? 1 : 0);
        System.arraycopy(body, 0, k, 2, body.length);
        k[k.length - 1] = 0;
        return k;
    }

    public static byte[] labelKey(Label l) {
        byte[] p = subjectPrefix(l.subject());
        byte[] d = l.dataset().getBytes(StandardCharsets.UTF_8);
        byte[] n = l.name().getBytes(StandardCharsets.UTF_8);
        byte[] k = Arrays.copyOf(p, p.length + d.length + 1 + n.length);
        System.arraycopy(d, 0, k, p.length, d.length);
        System.arraycopy(n, 0, k, p.length + d.length + 1, n.length);
        return k;
    }

    /** Key of the by-dataset index: {@code dataset 0x00 labelKey}. */
    public static byte[] datasetIndexKey(String dataset, byte[] labelKey) {
        byte[] d = dataset.getBytes(StandardCharsets.UTF_8);
        byte[] k = new byte[d.length + 1 + labelKey.length];
        System.arraycopy(d, 0, k, 0, d.length);
        System.arraycopy(labelKey, 0, k, d.length + 1, labelKey.length);
        return k;
    }

    public static byte[] datasetPrefix(String dataset) {
        byte[] d = dataset.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(d, d.length + 1);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
