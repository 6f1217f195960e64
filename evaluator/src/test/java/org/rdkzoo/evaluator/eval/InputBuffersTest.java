package org.rdkzoo.evaluator.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.rdkzoo.evaluator.backend.InputForm;
import org.rdkzoo.evaluator.backend.ModelInput;

class InputBuffersTest {
    @Test
    void aReleasedArrayIsHandedOutAgain() {
        InputBuffers buffers = new InputBuffers(12, 2);
        float[] a = buffers.floats();
        buffers.release(ModelInput.floats("x", a));
        assertSame(a, buffers.floats());
        byte[] b = buffers.bytes();
        buffers.release(ModelInput.bytes("y", InputForm.UINT8, b));
        assertSame(b, buffers.bytes());
    }

    @Test
    void anEmptyPoolAllocatesAndAFullPoolDrops() {
        InputBuffers buffers = new InputBuffers(12, 1);
        float[] a = buffers.floats();
        float[] b = buffers.floats();
        assertNotSame(a, b);
        assertEquals(12, b.length);
        buffers.release(ModelInput.floats("a", a));
        buffers.release(ModelInput.floats("b", b));
        assertSame(a, buffers.floats());
        assertNotSame(b, buffers.floats());
    }

    @Test
    void anArrayOfAnotherLengthIsNotKept() {
        InputBuffers buffers = new InputBuffers(12, 2);
        float[] other = new float[27];
        buffers.release(ModelInput.floats("x", other));
        assertEquals(12, buffers.floats().length);
    }
}
