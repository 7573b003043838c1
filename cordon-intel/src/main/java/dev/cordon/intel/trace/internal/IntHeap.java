package dev.cordon.intel.trace.internal;

import java.util.Arrays;

/**
 * A binary min-heap of ints that ignores a value already queued or already taken (each value
 * is taken at most once). O(log n) per push and pop.
 */
public final class IntHeap {
    private int[] heap = new int[64];
    private int size;
    private final IntIntMap seen = new IntIntMap(64);

    /** Queues {@code v} unless it was queued before. */
    public void push(int v) {
        if (seen.get(v) != IntIntMap.MISSING) {
            return;
        }
        seen.put(v, 1);
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] <= v) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = v;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** The smallest value, without removing it; {@link Integer#MAX_VALUE} when empty. */
    public int peek() {
        return size == 0 ? Integer.MAX_VALUE : heap[0];
    }

    /** Removes and returns the smallest value. */
    public int pop() {
        int top = heap[0];
        int last = heap[--size];
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && heap[c + 1] < heap[c]) {
                c++;
            }
            if (heap[c] >= last) {
                break;
            }
            heap[i] = heap[c];
            i = c;
        }
        heap[i] = last;
        return top;
    }

    /** How many distinct values were ever queued. */
    public int queued() {
        return seen.size();
    }
}
