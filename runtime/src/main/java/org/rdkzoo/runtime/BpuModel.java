package org.rdkzoo.runtime;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.rdkzoo.runtime.tensor.TensorInfo;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * One or more {@code .bin} files loaded into libdnn ({@code hbDNNInitializeFromFiles}): a packed handle
 * holding one or more models, each named by libdnn ({@code hbDNNGetModelNameList}).
 *
 * <p>Run a model through an {@link InferenceSession} ({@link #newSession()}): one per thread, each owning its
 * input and output memory. The model must be closed; closing it closes its sessions and releases the packed
 * handle ({@code hbDNNRelease}). Close it only when no thread is running one of its sessions. Descriptions
 * are read once at load; this class is thread-safe.
 */
public final class BpuModel implements AutoCloseable {
    private final Libdnn libdnn;
    private final List<Path> files;
    private final Pointer packed;
    private final Map<String, Network> networks;
    private final Set<InferenceSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** One model of the pack: its handle and what it looks like, including the raw property bytes sessions copy. */
    record Network(Pointer handle, ModelDescription description, List<byte[]> inputProperties,
            List<byte[]> outputProperties) {
    }

    private BpuModel(Libdnn libdnn, List<Path> files, Pointer packed, Map<String, Network> networks) {
        this.libdnn = libdnn;
        this.files = files;
        this.packed = packed;
        this.networks = networks;
    }

    static BpuModel load(Libdnn libdnn, List<Path> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no model file given");
        }
        List<Path> absolute = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new UncheckedIOException(new NoSuchFileException(file.toString()));
            }
            absolute.add(file.toAbsolutePath());
        }
        HbDnnLibrary api = libdnn.api();
        String[] names = absolute.stream().map(Path::toString).toArray(String[]::new);
        PointerByReference packedRef = new PointerByReference();
        libdnn.check("hbDNNInitializeFromFiles", api.hbDNNInitializeFromFiles(packedRef, names, names.length));
        Pointer packed = packedRef.getValue();
        try {
            return new BpuModel(libdnn, List.copyOf(absolute), packed, describe(libdnn, packed));
        } catch (RuntimeException e) {
            int status = api.hbDNNRelease(packed);
            if (status != 0) {
                e.addSuppressed(libdnn.failure("hbDNNRelease", status));
            }
            throw e;
        }
    }

    private static Map<String, Network> describe(Libdnn libdnn, Pointer packed) {
        HbDnnLibrary api = libdnn.api();
        PointerByReference listRef = new PointerByReference();
        IntByReference countRef = new IntByReference();
        libdnn.check("hbDNNGetModelNameList", api.hbDNNGetModelNameList(listRef, countRef, packed));
        int count = countRef.getValue();
        String[] modelNames = count == 0 ? new String[0] : listRef.getValue().getStringArray(0, count);
        if (modelNames.length == 0) {
            throw new BpuRuntimeException("libdnn loaded no model from the files");
        }
        Map<String, Network> networks = new LinkedHashMap<>();
        for (String name : modelNames) {
            PointerByReference handleRef = new PointerByReference();
            libdnn.check("hbDNNGetModelHandle", api.hbDNNGetModelHandle(handleRef, packed, name));
            Pointer handle = handleRef.getValue();
            List<TensorInfo> inputs = new ArrayList<>();
            List<TensorInfo> outputs = new ArrayList<>();
            List<byte[]> inputBytes = new ArrayList<>();
            List<byte[]> outputBytes = new ArrayList<>();
            describeTensors(libdnn, handle, name, true, inputs, inputBytes);
            describeTensors(libdnn, handle, name, false, outputs, outputBytes);
            networks.put(name, new Network(handle, new ModelDescription(name, inputs, outputs), inputBytes, outputBytes));
        }
        return networks;
    }

    /** Reads the names and properties of a model's inputs (or outputs), keeping each raw struct's bytes too. */
    private static void describeTensors(Libdnn libdnn, Pointer handle, String model, boolean input,
            List<TensorInfo> infos, List<byte[]> rawProperties) {
        HbDnnLibrary api = libdnn.api();
        String kind = input ? "Input" : "Output";
        IntByReference n = new IntByReference();
        libdnn.check("hbDNNGet" + kind + "Count", input ? api.hbDNNGetInputCount(n, handle)
                : api.hbDNNGetOutputCount(n, handle));
        for (int i = 0, count = n.getValue(); i < count; i++) {
            PointerByReference nameRef = new PointerByReference();
            libdnn.check("hbDNNGet" + kind + "Name", input ? api.hbDNNGetInputName(nameRef, handle, i)
                    : api.hbDNNGetOutputName(nameRef, handle, i));
            HbDnnStructs.HbDnnTensorProperties raw = new HbDnnStructs.HbDnnTensorProperties();
            libdnn.check("hbDNNGet" + kind + "TensorProperties", input
                    ? api.hbDNNGetInputTensorProperties(raw, handle, i)
                    : api.hbDNNGetOutputTensorProperties(raw, handle, i));
            String tensorName = nameRef.getValue().getString(0);
            infos.add(new TensorInfo(i, tensorName, NativeProperties.read(raw,
                    kind.toLowerCase(Locale.ROOT) + " " + i + " '" + tensorName + "' of model '" + model + "'")));
            rawProperties.add(raw.getPointer().getByteArray(0, raw.size()));
        }
    }

    /** The library that loaded it (its {@link Libdnn#version()} is the runtime version for provenance). */
    public Libdnn libdnn() {
        return libdnn;
    }

    /** The files, as absolute paths. */
    public List<Path> files() {
        return files;
    }

    /** The models' names, as libdnn reports them, in its order. */
    public List<String> modelNames() {
        return List.copyOf(networks.keySet());
    }

    /** The first (for a single {@code .bin}, usually the only) model. */
    public ModelDescription describe() {
        return networks.values().iterator().next().description();
    }

    /**
     * The model with this name.
     *
     * @throws IllegalArgumentException if there is none; the message lists the names there are
     */
    public ModelDescription describe(String modelName) {
        return network(modelName).description();
    }

    /** A session for the first model (see {@link #newSession(String)}). */
    public InferenceSession newSession() {
        return newSession(networks.keySet().iterator().next());
    }

    /**
     * A new session for the named model: its input and output memory allocated once
     * ({@code hbSysAllocCachedMem}) and reused by every inference. Use one session per thread.
     *
     * @throws IllegalArgumentException if there is no such model
     * @throws HbDnnException           if libdnn cannot allocate the memory
     * @throws IllegalStateException    if this model is closed
     */
    public InferenceSession newSession(String modelName) {
        ensureOpen();
        InferenceSession session = new InferenceSession(this, network(modelName));
        sessions.add(session);
        if (closed.get()) {
            // Closed while the session was being made: do not let it outlive the packed handle.
            session.close();
            ensureOpen();
        }
        return session;
    }

    void sessionClosed(InferenceSession session) {
        sessions.remove(session);
    }

    private Network network(String modelName) {
        Network network = networks.get(modelName);
        if (network == null) {
            throw new IllegalArgumentException("no model named '" + modelName + "' in " + files + "; it holds "
                    + networks.keySet());
        }
        return network;
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this model (" + files + ") is closed");
        }
    }

    /** Closes every open session, then releases the packed handle. Calling it again does nothing. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        RuntimeException failure = null;
        for (InferenceSession session : List.copyOf(sessions)) {
            try {
                session.close();
            } catch (RuntimeException e) {
                failure = keep(failure, e);
            }
        }
        int status = libdnn.api().hbDNNRelease(packed);
        if (status != 0) {
            failure = keep(failure, libdnn.failure("hbDNNRelease", status));
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static RuntimeException keep(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    @Override
    public String toString() {
        return "BpuModel" + modelNames() + " from " + files;
    }
}
