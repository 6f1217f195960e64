package org.rdkzoo.evaluator.image;

/**
 * What libjpeg learns from the markers before the first scan and that decides how the samples are
 * read: the frame, the JFIF and Adobe markers, and where the first APP1 (EXIF) payload is.
 *
 * @param sofMarker       the frame marker (0xc0 baseline, 0xc2 progressive, ...), 0 when there is none
 * @param precision       bits per sample
 * @param width           frame width
 * @param height          frame height
 * @param componentIds    the components' ids in frame order
 * @param sampling        each component's sampling factors, {@code h << 4 | v} as coded
 * @param sawJfif         an APP0 "JFIF" marker was seen
 * @param sawAdobe        an APP14 "Adobe" marker was seen
 * @param adobeTransform  its transform flag (0 none, 1 YCbCr, 2 YCCK)
 * @param app1Offset      offset of the first APP1 payload (after the length), -1 when there is none
 * @param app1Length      length of that payload
 * @param iccSegments     [start, end) byte ranges of the APP2 "ICC_PROFILE" segments, markers included
 *                        (cv2.imread ignores them; Java would parse them with LittleCMS, slowly)
 */
record JpegHeader(int sofMarker, int precision, int width, int height, int[] componentIds, int[] sampling,
        boolean sawJfif,
        boolean sawAdobe, int adobeTransform, int app1Offset, int app1Length, int[] iccSegments) {

    /** The colour space libjpeg(-turbo) infers, as {@code jdapimin.c default_decompress_parms} does. */
    enum ColorSpace {
        GRAYSCALE, YCBCR, RGB, CMYK, YCCK, UNKNOWN
    }

    private static final int SOI = 0xd8;
    private static final int EOI = 0xd9;
    private static final int SOS = 0xda;
    private static final int APP0 = 0xe0;
    private static final int APP1 = 0xe1;
    private static final int APP2 = 0xe2;
    private static final int APP14 = 0xee;

    /** Reads the markers up to the first scan; stops quietly at anything malformed (the decoder reports it). */
    static JpegHeader parse(byte[] b) {
        int sof = 0;
        int precision = 0;
        int width = 0;
        int height = 0;
        int[] ids = new int[0];
        int[] sampling = new int[0];
        boolean jfif = false;
        boolean adobe = false;
        int transform = 0;
        int app1Offset = -1;
        int app1Length = 0;
        int[] icc = new int[0];
        int pos = 2;
        while (pos + 1 < b.length) {
            if ((b[pos] & 0xff) != 0xff) {
                break;
            }
            while (pos < b.length && (b[pos] & 0xff) == 0xff) {
                pos++; // fill bytes
            }
            if (pos >= b.length) {
                break;
            }
            int markerStart = pos - 1;
            int marker = b[pos++] & 0xff;
            if (marker == SOI || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                continue; // no length field
            }
            if (marker == EOI || marker == SOS || pos + 1 >= b.length) {
                break;
            }
            int length = (b[pos] & 0xff) << 8 | (b[pos + 1] & 0xff);
            if (length < 2) {
                break;
            }
            int data = pos + 2;
            int dataLength = Math.min(length - 2, b.length - data);
            if (marker == APP0 && dataLength >= 14 && startsWith(b, data, "JFIF\0")) {
                jfif = true;
            } else if (marker == APP14 && dataLength >= 12 && startsWith(b, data, "Adobe")) {
                adobe = true;
                transform = b[data + 11] & 0xff;
            } else if (marker == APP2 && dataLength >= 12 && startsWith(b, data, "ICC_PROFILE\0")
                    && data + length - 2 <= b.length) {
                icc = java.util.Arrays.copyOf(icc, icc.length + 2);
                icc[icc.length - 2] = markerStart;
                icc[icc.length - 1] = data + length - 2;
            } else if (marker == APP1 && app1Offset < 0) {
                app1Offset = data;
                app1Length = dataLength;
            } else if (isSof(marker) && sof == 0 && dataLength >= 6) {
                sof = marker;
                precision = b[data] & 0xff;
                height = (b[data + 1] & 0xff) << 8 | (b[data + 2] & 0xff);
                width = (b[data + 3] & 0xff) << 8 | (b[data + 4] & 0xff);
                int n = b[data + 5] & 0xff;
                if (dataLength >= 6 + 3 * n) {
                    ids = new int[n];
                    sampling = new int[n];
                    for (int i = 0; i < n; i++) {
                        ids[i] = b[data + 6 + 3 * i] & 0xff;
                        sampling[i] = b[data + 7 + 3 * i] & 0xff;
                    }
                }
            }
            pos += length;
        }
        return new JpegHeader(sof, precision, width, height, ids, sampling, jfif, adobe, transform, app1Offset,
                app1Length, icc);
    }

    /** libjpeg's guess of the colour space of the coded components. */
    ColorSpace colorSpace() {
        switch (componentIds.length) {
            case 1:
                return ColorSpace.GRAYSCALE;
            case 3:
                if (sawJfif) {
                    return ColorSpace.YCBCR;
                }
                if (sawAdobe) {
                    return adobeTransform == 0 ? ColorSpace.RGB : ColorSpace.YCBCR;
                }
                if (componentIds[0] == 'R' && componentIds[1] == 'G' && componentIds[2] == 'B') {
                    return ColorSpace.RGB;
                }
                return ColorSpace.YCBCR;
            case 4:
                if (sawAdobe) {
                    return adobeTransform == 0 ? ColorSpace.CMYK : ColorSpace.YCCK;
                }
                return ColorSpace.CMYK;
            default:
                return ColorSpace.UNKNOWN;
        }
    }

    /**
     * True when the JDK's reader and libjpeg-turbo both take the three components for YCbCr (a JFIF file,
     * or component ids 1, 2, 3, and no Adobe marker): then libjpeg's own YCbCr to RGB conversion is the one
     * cv2.imread gets. (The JDK guesses RGB for some unmarked files that libjpeg-turbo reads as YCbCr.)
     */
    boolean isYcbcrToBothDecoders() {
        return componentIds.length == 3 && !sawAdobe && !isChromaHalfHeight() && (sawJfif
                || componentIds[0] == 1 && componentIds[1] == 2 && componentIds[2] == 3);
    }

    /**
     * The file without its ICC profile segments, or the file itself when it has none: the decoders then
     * skip building a colour space with LittleCMS (milliseconds an image) for a profile cv2 ignores.
     */
    byte[] withoutIccProfile(byte[] b) {
        if (iccSegments.length == 0) {
            return b;
        }
        int removed = 0;
        for (int i = 0; i < iccSegments.length; i += 2) {
            removed += iccSegments[i + 1] - iccSegments[i];
        }
        byte[] out = new byte[b.length - removed];
        int from = 0;
        int to = 0;
        for (int i = 0; i < iccSegments.length; i += 2) {
            System.arraycopy(b, from, out, to, iccSegments[i] - from);
            to += iccSegments[i] - from;
            from = iccSegments[i + 1];
        }
        System.arraycopy(b, from, out, to, b.length - from);
        return out;
    }

    /**
     * True for 4:4:0 files (chroma at full width, half height). libjpeg-turbo upsamples them with its
     * "fancy" vertical filter, IJG libjpeg 6b (bundled by most JDKs) by repeating rows.
     */
    boolean isChromaHalfHeight() {
        if (sampling.length != 3) {
            return false;
        }
        int maxH = 0;
        int maxV = 0;
        for (int f : sampling) {
            maxH = Math.max(maxH, f >> 4);
            maxV = Math.max(maxV, f & 15);
        }
        for (int c = 1; c < 3; c++) {
            if ((sampling[c] >> 4) != maxH || 2 * (sampling[c] & 15) != maxV) {
                return false;
            }
        }
        return sampling[0] == (maxH << 4 | maxV);
    }

    boolean isArithmetic() {
        return sofMarker >= 0xc9 && sofMarker <= 0xcf;
    }

    boolean isLossless() {
        return sofMarker == 0xc3 || sofMarker == 0xc7 || sofMarker == 0xcb || sofMarker == 0xcf;
    }

    private static boolean isSof(int m) {
        return m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc;
    }

    private static boolean startsWith(byte[] b, int at, String s) {
        if (at + s.length() > b.length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[at + i] != (byte) s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JpegHeader h && sofMarker == h.sofMarker && precision == h.precision
                && width == h.width && height == h.height && java.util.Arrays.equals(componentIds, h.componentIds)
                && java.util.Arrays.equals(sampling, h.sampling)
                && sawJfif == h.sawJfif && sawAdobe == h.sawAdobe && adobeTransform == h.adobeTransform
                && app1Offset == h.app1Offset && app1Length == h.app1Length
                && java.util.Arrays.equals(iccSegments, h.iccSegments);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * java.util.Arrays.hashCode(componentIds) + java.util.Arrays.hashCode(sampling))
                + java.util.Arrays.hashCode(iccSegments))
                + java.util.Objects.hash(sofMarker, precision, width, height, sawJfif, sawAdobe, adobeTransform,
                        app1Offset, app1Length);
    }

    @Override
    public String toString() {
        return "JpegHeader[sof=0x" + Integer.toHexString(sofMarker) + ", " + width + "x" + height + ", "
                + componentIds.length + " components, " + colorSpace() + "]";
    }
}
