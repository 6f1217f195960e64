package org.rdkzoo.evaluator.eval;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.rdkzoo.evaluator.backend.ModelInput;

/**
 * Recycled tensor arrays for the pipeline. A 224x224 float tensor is 600 KB; allocating one per image and
 * keeping a queue of them alive made every young collection copy the queue (40 ms pauses, a tenth of a run's
 * time). Recycled arrays settle in the old generation and cost the collector nothing. Never blocks: an empty
 * pool allocates, a full pool drops what it is given.
 */
public final class InputBuffers {
    private final int length;
    private final BlockingQueue<float[]> floats;
    private final BlockingQueue<byte[]> bytes;

    /**
     * @param length   elements of one image's tensor
     * @param capacity arrays kept of each kind
     */
    public InputBuffers(int length, int capacity) {
        this.length = length;
        this.floats = new ArrayBlockingQueue<>(capacity);
        this.bytes = new ArrayBlockingQueue<>(capacity);
    }

    /** For callers that never release: every call allocates (single images). */
    public static InputBuffers none(int length) {
        return new InputBuffers(length, 1);
    }

    public float[] floats() {
        float[] a = floats.poll();
        return a != null ? a : new float[length];
    }

    public byte[] bytes() {
        byte[] a = bytes.poll();
        return a != null ? a : new byte[length];
    }

    /** Takes back an input's array once the backend is done with it. */
    public void release(ModelInput input) {
        if (input.floats() != null && input.floats().length == length) {
            floats.offer(input.floats());
        } else if (input.bytes() != null && input.bytes().length == length) {
            bytes.offer(input.bytes());
        }
    }
}
