package org.rdkzoo.evaluator.image;

/**
 * The EXIF orientation as {@code cv2.imread} finds and applies it (OpenCV 4.6 {@code ExifReader} and
 * {@code ExifTransform}).
 *
 * <p>The parser keeps OpenCV's quirks on purpose, because matching {@code cv2.imread} matters more than
 * reading EXIF "correctly": only IFD0 is read; the entries are read in order and the first malformed one
 * (an offset pointing outside the block, for one of the tags OpenCV decodes) ends the parse, keeping
 * what was read before it; the first orientation entry wins; any byte-order mark other than
 * {@code II} reads big-endian.
 */
final class ExifOrientation {
    /** No transformation (orientation 1, "top-left"), also the answer when there is no tag. */
    static final int TOP_LEFT = 1;

    private static final int TAG_MARK = 0x002a;
    private static final int ORIENTATION = 0x0112;

    private ExifOrientation() {
    }

    /**
     * Reads the orientation from a TIFF-structured EXIF block ({@code II*\0...} or {@code MM\0*...}),
     * or returns {@link #TOP_LEFT} when there is none.
     */
    static int parse(byte[] data, int offset, int length) {
        if (length <= 0) {
            return TOP_LEFT;
        }
        Reader r = new Reader(data, offset, length);
        try {
            if (r.u16(2) != TAG_MARK) {
                return TOP_LEFT;
            }
            long entryOffset = r.u32(4);
            int count = r.u16(entryOffset);
            entryOffset += 2;
            for (int i = 0; i < count; i++, entryOffset += 12) {
                int tag = r.u16(entryOffset);
                if (tag == ORIENTATION) {
                    return r.u16(entryOffset + 8);
                }
                r.readValueAsOpenCvDoes(tag, entryOffset);
            }
        } catch (Malformed e) {
            // OpenCV stops at the first malformed entry and keeps nothing after it.
        }
        return TOP_LEFT;
    }

    /** The image turned upright as OpenCV's {@code ExifTransform} does; values outside 2..8 change nothing. */
    static BgrImage apply(BgrImage image, int orientation) {
        boolean transpose;
        boolean flipX;
        boolean flipY;
        switch (orientation) {
            case 2 -> { transpose = false; flipX = true; flipY = false; }
            case 3 -> { transpose = false; flipX = true; flipY = true; }
            case 4 -> { transpose = false; flipX = false; flipY = true; }
            case 5 -> { transpose = true; flipX = false; flipY = false; }
            case 6 -> { transpose = true; flipX = true; flipY = false; }
            case 7 -> { transpose = true; flipX = true; flipY = true; }
            case 8 -> { transpose = true; flipX = false; flipY = true; }
            default -> {
                return image;
            }
        }
        int sw = image.width();
        int sh = image.height();
        int dw = transpose ? sh : sw;
        int dh = transpose ? sw : sh;
        byte[] src = image.data();
        byte[] dst = new byte[src.length];
        int d = 0;
        for (int y = 0; y < dh; y++) {
            int ty = flipY ? dh - 1 - y : y;
            for (int x = 0; x < dw; x++) {
                int tx = flipX ? dw - 1 - x : x;
                int s = transpose ? (tx * sw + ty) * 3 : (ty * sw + tx) * 3;
                dst[d++] = src[s];
                dst[d++] = src[s + 1];
                dst[d++] = src[s + 2];
            }
        }
        return new BgrImage(dw, dh, dst);
    }

    private static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed() {
            super(null, null, false, false);
        }
    }

    private static final class Reader {
        private final byte[] data;
        private final int base;
        private final long size;
        private final boolean littleEndian;

        Reader(byte[] data, int base, int size) {
            this.data = data;
            this.base = base;
            this.size = size;
            // OpenCV: a mark whose two bytes differ, or anything but 'I', is read big-endian.
            this.littleEndian = data[base] == 'I' && (size == 1 || data[base + 1] == 'I');
        }

        int u16(long offset) throws Malformed {
            if (offset + 1 >= size) {
                throw new Malformed();
            }
            int a = data[base + (int) offset] & 0xff;
            int b = data[base + (int) offset + 1] & 0xff;
            return littleEndian ? a | b << 8 : a << 8 | b;
        }

        long u32(long offset) throws Malformed {
            if (offset + 3 >= size) {
                throw new Malformed();
            }
            long v = 0;
            for (int i = 0; i < 4; i++) {
                long b = data[base + (int) offset + i] & 0xff;
                v |= littleEndian ? b << (8 * i) : b << (8 * (3 - i));
            }
            return v;
        }

        /** Reads (and bounds-checks) the value of the tags OpenCV decodes, so a bad one stops the parse. */
        void readValueAsOpenCvDoes(int tag, long entry) throws Malformed {
            switch (tag) {
                case 0x010e, 0x010f, 0x0110, 0x0131, 0x0132, 0x8298 -> string(entry);
                case 0x011a, 0x011b -> rationals(entry, 1);
                case 0x013e -> rationals(entry, 2);
                case 0x013f, 0x0214 -> rationals(entry, 6);
                case 0x0211 -> rationals(entry, 3);
                case 0x0128, 0x0213 -> u16(entry + 8);
                default -> {
                    // Tags OpenCV does not decode are skipped without reading their value.
                }
            }
        }

        private void string(long entry) throws Malformed {
            long count = u32(entry + 4);
            long dataOffset = 8; // sic: OpenCV takes in-entry strings from byte 8 of the block
            if (count > 4) {
                dataOffset = u32(entry + 8);
            }
            if (dataOffset > size || dataOffset + count > size) {
                throw new Malformed();
            }
        }

        private void rationals(long entry, int n) throws Malformed {
            long at = u32(entry + 8);
            for (int i = 0; i < n; i++, at += 8) {
                u32(at);
                u32(at + 4);
            }
        }
    }
}
