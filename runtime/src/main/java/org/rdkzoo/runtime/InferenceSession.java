package org.rdkzoo.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.rdkzoo.runtime.tensor.Dequantizer;
import org.rdkzoo.runtime.tensor.InputPacker;
import org.rdkzoo.runtime.tensor.TensorInfo;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Runs one model of a {@link BpuModel}, one inference at a time: the per-thread context. It owns the
 * input and output memory ({@code hbSysAllocCachedMem}, allocated once when the session is made) and the
 * native structs libdnn reads, so an inference allocates no native memory.
 *
 * <p>Each inference: {@link #setInput} copies every input into its aligned memory (row by row where the
 * aligned shape is wider), {@link #run} flushes the inputs ({@code HB_SYS_MEM_CACHE_CLEAN}), starts the task
 * ({@code hbDNNInfer}), waits for it with a timeout ({@code hbDNNWaitTaskDone}), releases it, and invalidates
 * the outputs ({@code HB_SYS_MEM_CACHE_INVALIDATE}); then {@link #output} dequantizes an output.
 *
 * <p>Not thread-safe: use one session per thread (a session used by two threads at once throws
 * {@link IllegalStateException}). Close it (or its model) to free the memory; closing twice does nothing.
 */
public final class InferenceSession implements AutoCloseable {
    /** The timeout {@link #run()} waits for a task. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final int CACHE_INVALIDATE = 1;
    private static final int CACHE_CLEAN = 2;
    private static final int TENSOR_SIZE;
    private static final int PROPERTIES_OFFSET;
    private static final int SYS_MEM_SIZE;
    private static final int VIR_ADDR_OFFSET;
    private static final int CTRL_SIZE;
    private static final int POINTER_SIZE = Native.POINTER_SIZE;

    static {
        HbDnnStructs.HbDnnTensor tensor = new HbDnnStructs.HbDnnTensor();
        TENSOR_SIZE = tensor.size();
        PROPERTIES_OFFSET = tensor.offsetOf("properties");
        HbDnnStructs.HbSysMem mem = new HbDnnStructs.HbSysMem();
        SYS_MEM_SIZE = mem.size();
        VIR_ADDR_OFFSET = mem.offsetOf("virAddr");
        CTRL_SIZE = new HbDnnStructs.HbDnnInferCtrlParam().size();
    }

    private final BpuModel model;
    private final Libdnn libdnn;
    private final HbDnnLibrary api;
    private final HotPath hot;
    private final Pointer handle;
    private final ModelDescription description;
    // One block for both tensor arrays, the control parameters and the two pointer slots hbDNNInfer takes.
    private final Memory block;
    private final Pointer inputTensors;
    private final Pointer outputSlot;
    private final Pointer ctrl;
    private final Pointer taskSlot;
    private final List<Pointer> allocated = new ArrayList<>();
    private final Pointer[] inputMems;
    private final Pointer[] outputMems;
    private final ByteBuffer[][] inputViews;
    private final ByteBuffer[] outputViews;
    private final InputPacker[] packers;
    private final Dequantizer[] dequantizers;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean hasRun;

    InferenceSession(BpuModel model, BpuModel.Network network) {
        this.model = model;
        this.libdnn = model.libdnn();
        this.api = libdnn.api();
        this.hot = libdnn.hotPath();
        this.handle = network.handle();
        this.description = network.description();
        int inputs = description.inputs().size();
        int outputs = description.outputs().size();
        long tensorsBytes = (long) (inputs + outputs) * TENSOR_SIZE;
        this.block = new Memory(tensorsBytes + CTRL_SIZE + 2L * POINTER_SIZE);
        block.clear();
        this.inputTensors = block.share(0);
        Pointer outputTensors = block.share((long) inputs * TENSOR_SIZE);
        this.ctrl = block.share(tensorsBytes);
        this.taskSlot = block.share(tensorsBytes + CTRL_SIZE);
        this.outputSlot = block.share(tensorsBytes + CTRL_SIZE + POINTER_SIZE);
        outputSlot.setPointer(0, outputTensors);
        initializeCtrl();
        this.packers = new InputPacker[inputs];
        this.dequantizers = new Dequantizer[outputs];
        this.inputViews = new ByteBuffer[inputs][];
        this.outputViews = new ByteBuffer[outputs];
        List<Pointer> inputPlanes = new ArrayList<>();
        try {
            for (int i = 0; i < inputs; i++) {
                TensorInfo info = description.input(i);
                packers[i] = InputPacker.of(info.properties());
                Pointer tensor = inputTensors.share((long) i * TENSOR_SIZE);
                tensor.write(PROPERTIES_OFFSET, network.inputProperties().get(i), 0, network.inputProperties().get(i).length);
                int[] sizes = packers[i].planeByteSizes();
                inputViews[i] = new ByteBuffer[sizes.length];
                for (int p = 0; p < sizes.length; p++) {
                    Pointer mem = tensor.share((long) p * SYS_MEM_SIZE);
                    inputViews[i][p] = allocate(mem, sizes[p]);
                    inputPlanes.add(mem);
                }
            }
            this.inputMems = inputPlanes.toArray(new Pointer[0]);
            this.outputMems = new Pointer[outputs];
            for (int o = 0; o < outputs; o++) {
                TensorInfo info = description.output(o);
                Pointer tensor = outputTensors.share((long) o * TENSOR_SIZE);
                tensor.write(PROPERTIES_OFFSET, network.outputProperties().get(o), 0, network.outputProperties().get(o).length);
                outputMems[o] = tensor;
                outputViews[o] = allocate(tensor, info.properties().planeByteSizes()[0]);
                dequantizers[o] = info.properties().type().isYuv420() ? null : Dequantizer.of(info.properties());
            }
        } catch (RuntimeException e) {
            freeAll(e);
            throw e;
        }
    }

    /** {@code HB_DNN_INITIALIZE_INFER_CTRL_PARAM}: any BPU core, any DSP core, lowest priority, no batching. */
    private void initializeCtrl() {
        HbDnnStructs.HbDnnInferCtrlParam param = new HbDnnStructs.HbDnnInferCtrlParam();
        param.bpuCoreId = 0; // HB_BPU_CORE_ANY
        param.dspCoreId = 0; // HB_DSP_CORE_ANY
        param.priority = 0; // HB_DNN_PRIORITY_LOWEST
        param.more = 0;
        param.customId = 0;
        param.write();
        byte[] bytes = param.getPointer().getByteArray(0, CTRL_SIZE);
        ctrl.write(0, bytes, 0, bytes.length);
    }

    /** Allocates cached memory into the hbSysMem at {@code mem} and returns a native-order view of it. */
    private ByteBuffer allocate(Pointer mem, int size) {
        libdnn.check("hbSysAllocCachedMem", api.hbSysAllocCachedMem(mem, size));
        allocated.add(mem);
        Pointer virAddr = mem.getPointer(VIR_ADDR_OFFSET);
        return virAddr.getByteBuffer(0, size).order(ByteOrder.nativeOrder());
    }

    /** The model this session runs. */
    public ModelDescription description() {
        return description;
    }

    /**
     * Copies input {@code index} from its dense form: for NV12, {@code H*W} Y bytes then {@code H/2} rows of
     * {@code W} interleaved UV bytes; for Y, {@code H*W} bytes; for other types, the valid elements in
     * row-major order, in the element type (little-endian on the X5 and on x86).
     *
     * @throws IllegalArgumentException if the array has the wrong size (the message gives both)
     */
    public void setInput(int index, byte[] dense) {
        setInput(index, ByteBuffer.wrap(dense));
    }

    /** {@link #setInput(int, byte[])} from the buffer's remaining bytes (its position is left unchanged). */
    public void setInput(int index, ByteBuffer dense) {
        ensureOpen();
        packers[checkInput(index)].pack(dense, inputViews[index]);
    }

    /**
     * Writes real values into feature-map input {@code index} (row-major over the valid shape), quantized to the
     * input's type as libdnn documents ({@code clip(rint(x / scale + zeroPoint))}, or {@code x * 2^shift}).
     *
     * @throws IllegalArgumentException for NV12/Y inputs (use bytes) or a wrong count
     */
    public void setInput(int index, float[] values) {
        ensureOpen();
        packers[checkInput(index)].packValues(values, inputViews[index]);
    }

    /** {@link #run(Duration)} with {@link #DEFAULT_TIMEOUT}. */
    public void run() {
        run(DEFAULT_TIMEOUT);
    }

    /**
     * Runs one inference on the current inputs and waits for it.
     *
     * @param timeout how long to wait for the task; zero or negative waits forever
     * @throws InferenceTimeoutException if the task did not finish in time (it was released; run again at will)
     * @throws HbDnnException            if a libdnn call failed
     * @throws IllegalStateException     if the session is closed or another thread is running it
     */
    public void run(Duration timeout) {
        ensureOpen();
        if (!busy.compareAndSet(false, true)) {
            throw new IllegalStateException("this session is running on another thread; use one session per thread");
        }
        try {
            for (Pointer mem : inputMems) {
                libdnn.check("hbSysFlushMem", hot.flush(mem, CACHE_CLEAN));
            }
            taskSlot.setPointer(0, null);
            libdnn.check("hbDNNInfer", hot.infer(taskSlot, outputSlot, inputTensors, handle, ctrl));
            Pointer task = taskSlot.getPointer(0);
            int waited = hot.waitTaskDone(task, timeoutMillis(timeout));
            if (waited != 0) {
                HbDnnException failure = waited == HbDnnStatus.HB_DNN_TIMEOUT.code()
                        ? new InferenceTimeoutException(timeout, waited, libdnn.describe(waited))
                        : libdnn.failure("hbDNNWaitTaskDone", waited);
                int released = hot.releaseTask(task);
                if (released != 0) {
                    failure.addSuppressed(libdnn.failure("hbDNNReleaseTask", released));
                }
                throw failure;
            }
            libdnn.check("hbDNNReleaseTask", hot.releaseTask(task));
            for (Pointer mem : outputMems) {
                libdnn.check("hbSysFlushMem", hot.flush(mem, CACHE_INVALIDATE));
            }
            hasRun = true;
        } finally {
            busy.set(false);
        }
    }

    private static int timeoutMillis(Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) {
            return 0;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /**
     * Sets each input from its dense bytes (see {@link #setInput(int, byte[])}), runs with the default timeout,
     * and returns every output dequantized.
     */
    public float[][] infer(byte[]... denseInputs) {
        if (denseInputs.length != packers.length) {
            throw new IllegalArgumentException("model '" + description.name() + "' has " + packers.length
                    + " inputs, got " + denseInputs.length);
        }
        for (int i = 0; i < denseInputs.length; i++) {
            setInput(i, denseInputs[i]);
        }
        run();
        float[][] outputs = new float[dequantizers.length][];
        for (int o = 0; o < outputs.length; o++) {
            outputs[o] = output(o);
        }
        return outputs;
    }

    /** Output {@code index} of the last inference, dequantized: its valid elements, row-major. */
    public float[] output(int index) {
        float[] values = new float[dequantizer(index).elementCount()];
        output(index, values);
        return values;
    }

    /**
     * Writes output {@code index} of the last inference, dequantized, into {@code values} (at least
     * {@code elementCount} long): the allocation-free way to read outputs in a loop.
     */
    public void output(int index, float[] values) {
        Dequantizer dequantizer = dequantizer(index);
        checkHasRun();
        dequantizer.dequantize(outputViews[index], values);
    }

    /**
     * A read-only, native-order view of output {@code index}'s memory in its aligned geometry (padding
     * included), valid until the next inference or until the session closes.
     */
    public ByteBuffer rawOutput(int index) {
        ensureOpen();
        checkOutput(index);
        checkHasRun();
        return outputViews[index].asReadOnlyBuffer().order(ByteOrder.nativeOrder());
    }

    private Dequantizer dequantizer(int index) {
        ensureOpen();
        checkOutput(index);
        if (dequantizers[index] == null) {
            throw new IllegalArgumentException("output " + index + " of '" + description.name() + "' is "
                    + description.output(index).properties().type() + ", not values; read it with rawOutput");
        }
        return dequantizers[index];
    }

    private int checkInput(int index) {
        if (index < 0 || index >= packers.length) {
            throw new IndexOutOfBoundsException("input " + index + " of model '" + description.name() + "' (it has "
                    + packers.length + ")");
        }
        return index;
    }

    private void checkOutput(int index) {
        if (index < 0 || index >= dequantizers.length) {
            throw new IndexOutOfBoundsException("output " + index + " of model '" + description.name() + "' (it has "
                    + dequantizers.length + ")");
        }
    }

    private void checkHasRun() {
        if (!hasRun) {
            throw new IllegalStateException("no inference has run in this session yet");
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this session of model '" + description.name() + "' is closed");
        }
    }

    /** Frees the session's memory ({@code hbSysFreeMem}). Calling it again does nothing. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            freeAll(null);
        } finally {
            model.sessionClosed(this);
        }
    }

    private void freeAll(RuntimeException pending) {
        RuntimeException failure = pending;
        for (Pointer mem : allocated) {
            int status = api.hbSysFreeMem(mem);
            if (status != 0) {
                HbDnnException e = libdnn.failure("hbSysFreeMem", status);
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        allocated.clear();
        block.close();
        if (failure != null && failure != pending) {
            throw failure;
        }
    }
}
