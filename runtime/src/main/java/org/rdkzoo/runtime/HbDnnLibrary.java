package org.rdkzoo.runtime;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The raw C API of libdnn ({@code hb_dnn.h}, {@code hb_sys.h}), as JNA maps it. Every {@code int} result is
 * an {@code int32_t} status, 0 on success; {@link Libdnn#check} turns the others into exceptions. Handles
 * ({@code hbPackedDNNHandle_t}, {@code hbDNNHandle_t}, {@code hbDNNTaskHandle_t}) are bare pointers.
 *
 * <p>The per-inference functions take {@link Pointer}s into memory the session prepared once, so that a
 * call writes and reads no Java structure and allocates no native memory.
 */
interface HbDnnLibrary extends Library {
    /** {@code char const *hbDNNGetVersion()}. */
    String hbDNNGetVersion();

    /** {@code hbDNNInitializeFromFiles(hbPackedDNNHandle_t *, char const **modelFileNames, int32_t count)}. */
    int hbDNNInitializeFromFiles(PointerByReference packedDNNHandle, String[] modelFileNames, int modelFileCount);

    /** {@code hbDNNRelease(hbPackedDNNHandle_t)}. */
    int hbDNNRelease(Pointer packedDNNHandle);

    /** {@code hbDNNGetModelNameList(char const ***list, int32_t *count, hbPackedDNNHandle_t)}; libdnn owns the strings. */
    int hbDNNGetModelNameList(PointerByReference modelNameList, IntByReference modelNameCount, Pointer packedDNNHandle);

    /** {@code hbDNNGetModelHandle(hbDNNHandle_t *, hbPackedDNNHandle_t, char const *modelName)}. */
    int hbDNNGetModelHandle(PointerByReference dnnHandle, Pointer packedDNNHandle, String modelName);

    int hbDNNGetInputCount(IntByReference inputCount, Pointer dnnHandle);

    /** {@code hbDNNGetInputName(char const **name, hbDNNHandle_t, int32_t index)}; libdnn owns the string. */
    int hbDNNGetInputName(PointerByReference name, Pointer dnnHandle, int inputIndex);

    int hbDNNGetInputTensorProperties(HbDnnStructs.HbDnnTensorProperties properties, Pointer dnnHandle, int inputIndex);

    int hbDNNGetOutputCount(IntByReference outputCount, Pointer dnnHandle);

    int hbDNNGetOutputName(PointerByReference name, Pointer dnnHandle, int outputIndex);

    int hbDNNGetOutputTensorProperties(HbDnnStructs.HbDnnTensorProperties properties, Pointer dnnHandle, int outputIndex);

    /**
     * {@code hbDNNInfer(hbDNNTaskHandle_t *task, hbDNNTensor **output, hbDNNTensor const *input, hbDNNHandle_t,
     * hbDNNInferCtrlParam *)}: {@code task} points at a slot holding NULL, {@code output} at a slot holding the
     * address of the output tensor array, {@code input} at the input tensor array.
     */
    int hbDNNInfer(Pointer taskHandle, Pointer output, Pointer input, Pointer dnnHandle, Pointer inferCtrlParam);

    /** {@code hbDNNWaitTaskDone(hbDNNTaskHandle_t, int32_t timeoutMs)}; a timeout of 0 or less waits forever. */
    int hbDNNWaitTaskDone(Pointer taskHandle, int timeout);

    int hbDNNReleaseTask(Pointer taskHandle);

    /** {@code hbSysAllocCachedMem(hbSysMem *, uint32_t size)}: fills the hbSysMem {@code mem} points at. */
    int hbSysAllocCachedMem(Pointer mem, int size);

    /** {@code hbSysFlushMem(hbSysMem *, int32_t flag)}: CLEAN (2) after CPU writes, INVALIDATE (1) before CPU reads. */
    int hbSysFlushMem(Pointer mem, int flag);

    int hbSysFreeMem(Pointer mem);

    /** {@code char const *hbDNNGetErrorDesc(int32_t)}: not in every libdnn; call only after probing the symbol. */
    String hbDNNGetErrorDesc(int errorCode);
}
