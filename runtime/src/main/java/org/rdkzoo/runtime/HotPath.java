package org.rdkzoo.runtime;

import java.util.concurrent.atomic.AtomicReference;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The four libdnn calls an inference makes ({@code hbSysFlushMem}, {@code hbDNNInfer}, {@code hbDNNWaitTaskDone},
 * {@code hbDNNReleaseTask}), separated from {@link HbDnnLibrary} because of their cost: JNA's interface mapping
 * dispatches each argument reflectively (about 2 us a call on a loaded 2-core PC), its direct mapping does
 * not (about 0.4 us). Direct mapping binds a class to one library, so the first libdnn a JVM loads gets
 * {@link Direct}; any other gets {@link Proxy}, the same calls through the interface.
 */
interface HotPath {
    /** {@code hbSysFlushMem}. */
    int flush(Pointer mem, int flag);

    /** {@code hbDNNInfer}, with the pointers {@link HbDnnLibrary#hbDNNInfer} describes. */
    int infer(Pointer taskHandle, Pointer output, Pointer input, Pointer dnnHandle, Pointer inferCtrlParam);

    /** {@code hbDNNWaitTaskDone}. */
    int waitTaskDone(Pointer taskHandle, int timeout);

    /** {@code hbDNNReleaseTask}. */
    int releaseTask(Pointer taskHandle);

    /** Which mapping this is: {@code direct} or {@code interface}. */
    String mapping();

    /** The direct mapping for {@code library} if this JVM has not bound it to another one, else the interface's. */
    static HotPath of(NativeLibrary library, HbDnnLibrary api) {
        HotPath direct = Direct.bind(library);
        return direct != null ? direct : new Proxy(api);
    }

    /** JNA direct mapping: static natives registered against one library per JVM. */
    final class Direct implements HotPath {
        private static final AtomicReference<NativeLibrary> BOUND = new AtomicReference<>();
        private static final Direct INSTANCE = new Direct();

        private Direct() {
        }

        static synchronized HotPath bind(NativeLibrary library) {
            if (BOUND.get() == null) {
                Native.register(Direct.class, library);
                BOUND.set(library);
            }
            return BOUND.get() == library ? INSTANCE : null;
        }

        // Named as the C functions: direct mapping looks symbols up by method name.
        private static native int hbSysFlushMem(Pointer mem, int flag);

        private static native int hbDNNInfer(Pointer taskHandle, Pointer output, Pointer input, Pointer dnnHandle,
                Pointer inferCtrlParam);

        private static native int hbDNNWaitTaskDone(Pointer taskHandle, int timeout);

        private static native int hbDNNReleaseTask(Pointer taskHandle);

        @Override
        public int flush(Pointer mem, int flag) {
            return hbSysFlushMem(mem, flag);
        }

        @Override
        public int infer(Pointer taskHandle, Pointer output, Pointer input, Pointer dnnHandle, Pointer ctrl) {
            return hbDNNInfer(taskHandle, output, input, dnnHandle, ctrl);
        }

        @Override
        public int waitTaskDone(Pointer taskHandle, int timeout) {
            return hbDNNWaitTaskDone(taskHandle, timeout);
        }

        @Override
        public int releaseTask(Pointer taskHandle) {
            return hbDNNReleaseTask(taskHandle);
        }

        @Override
        public String mapping() {
            return "direct";
        }
    }

    /** The same calls through {@link HbDnnLibrary}, for a second library in one JVM. */
    final class Proxy implements HotPath {
        private final HbDnnLibrary api;

        Proxy(HbDnnLibrary api) {
            this.api = api;
        }

        @Override
        public int flush(Pointer mem, int flag) {
            return api.hbSysFlushMem(mem, flag);
        }

        @Override
        public int infer(Pointer taskHandle, Pointer output, Pointer input, Pointer dnnHandle, Pointer ctrl) {
            return api.hbDNNInfer(taskHandle, output, input, dnnHandle, ctrl);
        }

        @Override
        public int waitTaskDone(Pointer taskHandle, int timeout) {
            return api.hbDNNWaitTaskDone(taskHandle, timeout);
        }

        @Override
        public int releaseTask(Pointer taskHandle) {
            return api.hbDNNReleaseTask(taskHandle);
        }

        @Override
        public String mapping() {
            return "interface";
        }
    }
}
