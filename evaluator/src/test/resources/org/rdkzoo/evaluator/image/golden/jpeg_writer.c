/*
 * Writes JPEG variants PIL cannot: YCCK, plain CMYK, Adobe RGB (transform 0), 4:4:0 and 4:1:1 chroma
 * subsampling, arithmetic coding. Used only by make_goldens.py to create test inputs.
 *
 *   jpeg_writer IN.raw WIDTH HEIGHT CHANNELS OUT.jpg MODE
 *   MODE: ycck | cmyk (no Adobe marker) (IN is 4 channels, Adobe-inverted CMYK) | rgb | h1v2 | h4v1 | arith (IN is RGB)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

int main(int argc, char **argv) {
    if (argc != 7) {
        fprintf(stderr, "usage: %s IN.raw WIDTH HEIGHT CHANNELS OUT.jpg MODE\n", argv[0]);
        return 2;
    }
    int w = atoi(argv[2]), h = atoi(argv[3]), cn = atoi(argv[4]);
    const char *mode = argv[6];
    size_t size = (size_t)w * h * cn;
    unsigned char *buf = malloc(size);
    FILE *in = fopen(argv[1], "rb");
    if (!in || fread(buf, 1, size, in) != size) {
        fprintf(stderr, "short input\n");
        return 1;
    }
    fclose(in);
    struct jpeg_compress_struct c;
    struct jpeg_error_mgr e;
    c.err = jpeg_std_error(&e);
    jpeg_create_compress(&c);
    FILE *out = fopen(argv[5], "wb");
    jpeg_stdio_dest(&c, out);
    c.image_width = w;
    c.image_height = h;
    c.input_components = cn;
    c.in_color_space = cn == 4 ? JCS_CMYK : JCS_RGB;
    jpeg_set_defaults(&c);
    if (strcmp(mode, "ycck") == 0) {
        jpeg_set_colorspace(&c, JCS_YCCK);
    } else if (strcmp(mode, "cmyk") == 0) {
        jpeg_set_colorspace(&c, JCS_CMYK);
        c.write_Adobe_marker = FALSE; /* CMYK without an Adobe marker: libjpeg assumes CMYK */
    } else if (strcmp(mode, "rgb") == 0) {
        jpeg_set_colorspace(&c, JCS_RGB);
    } else if (strcmp(mode, "h1v2") == 0) {
        c.comp_info[0].h_samp_factor = 1;
        c.comp_info[0].v_samp_factor = 2;
    } else if (strcmp(mode, "h4v1") == 0) {
        c.comp_info[0].h_samp_factor = 4;
        c.comp_info[0].v_samp_factor = 1;
    } else if (strcmp(mode, "arith") == 0) {
        c.arith_code = TRUE;
    }
    jpeg_set_quality(&c, 90, TRUE);
    jpeg_start_compress(&c, TRUE);
    while (c.next_scanline < c.image_height) {
        JSAMPROW row = buf + (size_t)c.next_scanline * w * cn;
        jpeg_write_scanlines(&c, &row, 1);
    }
    jpeg_finish_compress(&c);
    fclose(out);
    jpeg_destroy_compress(&c);
    free(buf);
    return 0;
}
