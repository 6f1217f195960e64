package org.rdkzoo.runtime;

import java.util.List;

import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * The structs of {@code hb_dnn.h} / {@code hb_sys.h} (X5 layout, libdnn 1.22.6 and later), field for field.
 * JNA's default alignment reproduces the C layout on LP64 (x86-64 and aarch64); {@code AbiLayoutTest}
 * checks every size and offset against a C probe compiled from rdkzoo's transcription of the header, and
 * the same probe can be compiled on a board against the real one ({@link AbiLayout}).
 *
 * <p>The classes are public only because JNA instantiates them reflectively; the holder is package-private.
 */
final class HbDnnStructs {
    private HbDnnStructs() {
    }

    /** A struct whose field offsets and C name can be asked for (the layout check needs both). */
    public abstract static class HbStruct extends Structure {
        HbStruct() {
        }

        HbStruct(Pointer p) {
            super(p);
        }

        /** The struct's name in the C header. */
        abstract String cName();

        /** Byte offset of a field, as JNA lays it out. */
        int offsetOf(String field) {
            return fieldOffset(field);
        }

        /** Field names in declaration order. */
        List<String> fieldNames() {
            return getFieldOrder();
        }
    }

    /** {@code hbSysMem}: 24 bytes. */
    @FieldOrder({"phyAddr", "virAddr", "memSize"})
    public static final class HbSysMem extends HbStruct {
        public long phyAddr;
        public Pointer virAddr;
        public int memSize; // uint32_t

        public HbSysMem() {
        }

        @Override
        String cName() {
            return "hbSysMem";
        }
    }

    /** {@code hbDNNTensorShape}: 36 bytes. */
    @FieldOrder({"dimensionSize", "numDimensions"})
    public static final class HbDnnTensorShape extends HbStruct {
        public int[] dimensionSize = new int[8];
        public int numDimensions;

        public HbDnnTensorShape() {
        }

        @Override
        String cName() {
            return "hbDNNTensorShape";
        }
    }

    /** {@code hbDNNQuantiShift}: 16 bytes. */
    @FieldOrder({"shiftLen", "shiftData"})
    public static final class HbDnnQuantiShift extends HbStruct {
        public int shiftLen;
        public Pointer shiftData; // uint8_t *, owned by libdnn

        public HbDnnQuantiShift() {
        }

        @Override
        String cName() {
            return "hbDNNQuantiShift";
        }
    }

    /** {@code hbDNNQuantiScale}: 32 bytes. */
    @FieldOrder({"scaleLen", "scaleData", "zeroPointLen", "zeroPointData"})
    public static final class HbDnnQuantiScale extends HbStruct {
        public int scaleLen;
        public Pointer scaleData; // float *, owned by libdnn
        public int zeroPointLen;
        public Pointer zeroPointData; // int8_t *, owned by libdnn

        public HbDnnQuantiScale() {
        }

        @Override
        String cName() {
            return "hbDNNQuantiScale";
        }
    }

    /** {@code hbDNNTensorProperties}: 176 bytes. */
    @FieldOrder({"validShape", "alignedShape", "tensorLayout", "tensorType", "shift", "scale", "quantiType",
            "quantizeAxis", "alignedByteSize", "stride"})
    public static final class HbDnnTensorProperties extends HbStruct {
        public HbDnnTensorShape validShape;
        public HbDnnTensorShape alignedShape;
        public int tensorLayout; // hbDNNTensorLayout
        public int tensorType; // hbDNNDataType
        public HbDnnQuantiShift shift;
        public HbDnnQuantiScale scale;
        public int quantiType; // hbDNNQuantiType (an enum: 4 bytes)
        public int quantizeAxis;
        public int alignedByteSize;
        public int[] stride = new int[8];

        public HbDnnTensorProperties() {
        }

        @Override
        String cName() {
            return "hbDNNTensorProperties";
        }
    }

    /** {@code hbDNNTensor}: 272 bytes, {@code properties} at 96. */
    @FieldOrder({"sysMem", "properties"})
    public static final class HbDnnTensor extends HbStruct {
        public HbSysMem[] sysMem = {new HbSysMem(), new HbSysMem(), new HbSysMem(), new HbSysMem()};
        public HbDnnTensorProperties properties;

        public HbDnnTensor() {
        }

        @Override
        String cName() {
            return "hbDNNTensor";
        }
    }

    /** {@code hbDNNInferCtrlParam}: 32 bytes, {@code customId} at 16. */
    @FieldOrder({"bpuCoreId", "dspCoreId", "priority", "more", "customId", "reserved1", "reserved2"})
    public static final class HbDnnInferCtrlParam extends HbStruct {
        public int bpuCoreId;
        public int dspCoreId;
        public int priority;
        public int more;
        public long customId;
        public int reserved1;
        public int reserved2;

        public HbDnnInferCtrlParam() {
        }

        @Override
        String cName() {
            return "hbDNNInferCtrlParam";
        }
    }

    /** One instance of every mapped struct, in header order. */
    static List<HbStruct> all() {
        return List.of(new HbSysMem(), new HbDnnTensorShape(), new HbDnnQuantiShift(), new HbDnnQuantiScale(),
                new HbDnnTensorProperties(), new HbDnnTensor(), new HbDnnInferCtrlParam());
    }
}
