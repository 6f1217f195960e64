#!/usr/bin/python3
"""Golden outputs of OpenCV for rdkzoo's ImageDecoder and Preprocessor tests.

Made once with Debian bookworm's python3-opencv 4.6.0 (libjpeg-turbo 2.1.5, libpng 1.6.39),
python3-numpy and python3-pil, on x86-64. The Java tests compare rdkzoo's output with these files
byte for byte; nothing here is produced by rdkzoo.

Rerun (from this folder; Debian's python, not a pyenv one, because cv2 must be Debian's 4.6):

    /usr/bin/python3 make_goldens.py                     # goldens from the committed images
    /usr/bin/python3 make_goldens.py --images            # also regenerate the synthetic images first
    /usr/bin/python3 make_goldens.py --assets ../../../../../../../../../shared/assets   # + asset goldens

--images needs gcc and libjpeg62-turbo-dev (jpeg_writer.c writes the YCCK, CMYK, Adobe RGB, 4:4:0,
4:1:1 and arithmetic-coded JPEGs PIL cannot). Regenerated images may differ byte-wise from the
committed ones if the encoders changed; the goldens always follow the images they were made from.

Outputs:
  images/                 the synthetic inputs (committed)
  cases.tsv               one line per case: id, kind, input, parameters, shape, sha256 of the output
                          bytes (uint8, or little-endian float32), and the name of the full output in
                          full/ when it is small enough to keep (the tests then count differing elements)
  assets.tsv              per asset image (relative to the assets folder): the sha256 of cv2.imread,
                          of the OE calibration tensor (uint8 RGB CHW) and of the letterbox NV12 planes
"""
import argparse
import hashlib
import io
import os
import struct
import subprocess
import sys
import tempfile

import cv2
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
IMAGES = os.path.join(HERE, 'images')
FULL = os.path.join(HERE, 'full')
FULL_LIMIT = 16 * 1024  # keep whole outputs up to this many bytes

IMAGENET_MEAN = [123.675, 116.28, 103.53]
IMAGENET_SCALE = [0.01712475, 0.017507, 0.01742919]


# ----------------------------------------------------------------------------------------------
# The reference pipeline, written with OpenCV as the toolchain and the zoo write it.

def short_side_center_crop(img, short, w, h):
    """ShortSideResizeTransformer(short) then CenterCropTransformer (OE data_transformer)."""
    height, width = img.shape[:2]
    if height < width:
        off = width / height
        img = cv2.resize(img, (int(short * off), short))
    else:
        off = height / width
        img = cv2.resize(img, (short, int(short * off)))
    height, width = img.shape[:2]
    y, x = (height - h) // 2, (width - w) // 2
    return img[y:y + h, x:x + w]


def letterbox(img, w, h, pad=127):
    """The zoo's resized_image(resize_type=1)."""
    height, width = img.shape[:2]
    s = min(h / height, w / width)
    # cv2.resize refuses a zero size; rdkzoo keeps at least one pixel (only extreme shapes reach this)
    nw, nh = max(1, int(width * s)), max(1, int(height * s))
    r = cv2.resize(img, (nw, nh), interpolation=cv2.INTER_LINEAR)
    canvas = np.full((h, w, 3), pad, np.uint8)
    top, left = (h - nh) // 2, (w - nw) // 2
    canvas[top:top + nh, left:left + nw] = r
    return canvas


def direct(img, w, h):
    return cv2.resize(img, (w, h), interpolation=cv2.INTER_LINEAR)


def bgr_to_nv12(bgr):
    """The zoo's bgr_to_nv12_planes: COLOR_BGR2YUV_I420, then U and V interleaved."""
    h, w = bgr.shape[:2]
    i420 = cv2.cvtColor(bgr, cv2.COLOR_BGR2YUV_I420).reshape(-1)
    y = i420[:h * w]
    u = i420[h * w:h * w + h * w // 4]
    v = i420[h * w + h * w // 4:]
    uv = np.empty(h * w // 2, np.uint8)
    uv[0::2] = u
    uv[1::2] = v
    return np.concatenate([y, uv])


def nv12_to_bgr(nv12, w, h):
    return cv2.cvtColor(nv12.reshape(h * 3 // 2, w), cv2.COLOR_YUV2BGR_NV12)


def geometry(img, spec):
    w, h = spec['width'], spec['height']
    if spec['resize'] == 'oe':
        return short_side_center_crop(img, spec['short'], w, h)
    if spec['resize'] == 'letterbox':
        return letterbox(img, w, h)
    return direct(img, w, h)


def tensor(img, spec):
    """Geometry, optional NV12 round trip, colour order, layout, normalisation."""
    w, h = spec['width'], spec['height']
    img = geometry(img, spec)
    if spec['nv12']:
        img = nv12_to_bgr(bgr_to_nv12(np.ascontiguousarray(img)), w, h)
    if spec['color'] == 'RGB':
        img = img[:, :, ::-1]
    if spec['layout'] == 'NCHW':
        img = img.transpose(2, 0, 1)
    if spec['dtype'] == 'uint8':
        return np.ascontiguousarray(img, np.uint8)
    mean = np.array(spec['mean'] or [0.0], np.float64)
    scale = np.array(spec['scale'] or [1.0], np.float64)
    if spec['layout'] == 'NCHW':
        mean, scale = mean.reshape(-1, 1, 1), scale.reshape(-1, 1, 1)
    return ((img.astype(np.float64) - mean) * scale).astype('<f4')


def nv12_planes(img, spec):
    return bgr_to_nv12(np.ascontiguousarray(geometry(img, spec)))


# ----------------------------------------------------------------------------------------------
# Synthetic inputs

def pattern(w, h, seed, noise=24):
    """A smooth colour pattern with some noise: chroma and edges that exercise every stage."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    r = 127 + 120 * np.sin(xx / max(w, 1) * 6.3 + seed)
    g = 127 + 120 * np.cos(yy / max(h, 1) * 5.1 + seed * 0.3)
    b = 127 + 120 * np.sin((xx + yy) / max(w + h, 1) * 9.7)
    img = np.stack([b, g, r], -1) + rng.normal(0, noise, (h, w, 3))
    return np.clip(img, 0, 255).astype(np.uint8)


def exif_block(orientation, big_endian=False, before=()):
    """A TIFF IFD0 with an orientation entry (and optional entries before it)."""
    e = '>' if big_endian else '<'
    entries = list(before) + [(0x0112, 3, 1, struct.pack(e + 'HH', orientation, 0))]
    body = (b'MM\x00\x2a' if big_endian else b'II\x2a\x00') + struct.pack(e + 'I', 8)
    body += struct.pack(e + 'H', len(entries))
    for tag, typ, count, value in entries:
        body += struct.pack(e + 'HHI', tag, typ, count) + value
    return body + struct.pack(e + 'I', 0)


def insert_app1(jpeg, payload):
    seg = b'\xff\xe1' + struct.pack('>H', len(payload) + 2) + payload
    return jpeg[:2] + seg + jpeg[2:]


def make_images():
    from PIL import Image, PngImagePlugin
    os.makedirs(IMAGES, exist_ok=True)
    for name in os.listdir(IMAGES):
        os.remove(os.path.join(IMAGES, name))

    def path(name):
        return os.path.join(IMAGES, name)

    def pil(img):
        return Image.fromarray(np.ascontiguousarray(img[:, :, ::-1]))

    base = pattern(93, 67, 1)
    cv2.imwrite(path('ycbcr420_93x67.jpg'), base, [cv2.IMWRITE_JPEG_QUALITY, 90])
    pil(base).save(path('ycbcr444_93x67.jpg'), quality=90, subsampling=0)
    pil(base).save(path('ycbcr422_93x67.jpg'), quality=90, subsampling=1)
    pil(base).save(path('progressive_93x67.jpg'), quality=85, progressive=True)
    pil(base).convert('L').save(path('gray_93x67.jpg'), quality=90)
    pil(base).convert('CMYK').save(path('cmyk_adobe_93x67.jpg'), quality=90)  # PIL writes Adobe-inverted CMYK
    # with an embedded (sRGB) ICC profile that cv2 ignores
    icc = Image.new('RGB', (1, 1)).info.get('icc_profile')
    try:
        from PIL import ImageCms
        icc = ImageCms.ImageCmsProfile(ImageCms.createProfile('sRGB')).tobytes()
    except Exception:  # ImageCms needs littlecms; the image is still useful without a profile
        icc = None
    pil(base).save(path('icc_profile_93x67.jpg'), quality=90, **({'icc_profile': icc} if icc else {}))

    # JPEG variants PIL cannot write, with libjpeg-turbo through jpeg_writer.c
    with tempfile.TemporaryDirectory() as tmp:
        exe = os.path.join(tmp, 'jpeg_writer')
        subprocess.check_call(['gcc', '-O2', '-o', exe, os.path.join(HERE, 'jpeg_writer.c'), '-ljpeg'])
        rgb = np.ascontiguousarray(base[:, :, ::-1])
        cmyk_inverted = 255 - np.asarray(pil(base).convert('CMYK'))
        raw_rgb, raw_cmyk = os.path.join(tmp, 'rgb.raw'), os.path.join(tmp, 'cmyk.raw')
        rgb.tofile(raw_rgb)
        np.ascontiguousarray(cmyk_inverted).tofile(raw_cmyk)
        for mode, raw, cn in [('ycck', raw_cmyk, 4), ('cmyk', raw_cmyk, 4), ('rgb', raw_rgb, 3),
                              ('h1v2', raw_rgb, 3), ('h4v1', raw_rgb, 3), ('arith', raw_rgb, 3)]:
            out = path({'ycck': 'ycck_93x67.jpg', 'cmyk': 'cmyk_plain_93x67.jpg', 'rgb': 'adobe_rgb_93x67.jpg',
                        'h1v2': 'ycbcr440_93x67.jpg', 'h4v1': 'ycbcr411_93x67.jpg',
                        'arith': 'arithmetic_93x67.jpg'}[mode])
            subprocess.check_call([exe, raw, '93', '67', str(cn), out, mode])

    # EXIF orientations 2..8 on a small non-square image, and OpenCV's parsing quirks
    small = pattern(11, 7, 2, noise=0)
    buf = io.BytesIO()
    pil(small).save(buf, 'JPEG', quality=95)
    plain = buf.getvalue()
    for o in range(2, 9):
        with open(path('exif_orientation_%d.jpg' % o), 'wb') as f:
            f.write(insert_app1(plain, b'Exif\x00\x00' + exif_block(o)))
    with open(path('exif_big_endian_6.jpg'), 'wb') as f:
        f.write(insert_app1(plain, b'Exif\x00\x00' + exif_block(6, big_endian=True)))
    # an XMP APP1 before the EXIF one: OpenCV reads only the first APP1, so no rotation
    with open(path('exif_after_xmp_6.jpg'), 'wb') as f:
        with_exif = insert_app1(plain, b'Exif\x00\x00' + exif_block(6))
        f.write(insert_app1(with_exif, b'http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta/>'))
    # an XResolution entry pointing outside the block before the orientation: OpenCV stops there
    bad_entry = (0x011a, 5, 1, struct.pack('<I', 0xfff0))
    with open(path('exif_bad_entry_first_6.jpg'), 'wb') as f:
        f.write(insert_app1(plain, b'Exif\x00\x00' + exif_block(6, before=[bad_entry])))
    # PNG with an eXIf chunk (OpenCV 4.6 applies it too)
    pil(small).save(path('exif_orientation_6.png'), exif=b'Exif\x00\x00' + exif_block(6))

    # PNG variants
    big = pattern(64, 48, 3)
    cv2.imwrite(path('png_named.JPEG'), big)  # a PNG with a JPEG name
    cv2.imwrite(path('rgb16_64x48.png'), big.astype(np.uint16) * 257 + np.arange(64, dtype=np.uint16)[None, :, None])
    cv2.imwrite(path('gray16_64x48.png'),
                cv2.cvtColor(big, cv2.COLOR_BGR2GRAY).astype(np.uint16) * 256 + 255)
    pil(big).convert('P', palette=Image.ADAPTIVE, colors=50).save(path('palette_64x48.png'), transparency=3)
    rgba = np.dstack([big[:, :, ::-1], np.tile(np.arange(64, dtype=np.uint8) * 4, (48, 1))])
    Image.fromarray(rgba, 'RGBA').save(path('rgba_64x48.png'))
    Image.fromarray(np.dstack([big[:, :, 1], big[:, :, 2]]), 'LA').save(path('gray_alpha_64x48.png'))
    pil(big).convert('1').save(path('gray1bit_64x48.png'))
    info = PngImagePlugin.PngInfo()
    info.add(b'gAMA', struct.pack('>I', 100000))  # gamma 1.0: cv2 ignores it
    pil(big).save(path('gamma_64x48.png'), pnginfo=info)
    cv2.imwrite(path('bmp24_64x48.bmp'), big)
    pil(big).convert('P', palette=Image.ADAPTIVE, colors=16).save(path('bmp_palette_64x48.bmp'))

    # sizes: tiny, odd, extreme aspect ratios, an exact 2x reduction
    cv2.imwrite(path('tiny_1x1.png'), pattern(1, 1, 4))
    cv2.imwrite(path('tiny_2x3.jpg'), pattern(2, 3, 5))
    cv2.imwrite(path('wide_700x3.png'), pattern(700, 3, 6))
    cv2.imwrite(path('tall_5x333.jpg'), pattern(5, 333, 7))
    cv2.imwrite(path('noise_61x47.png'), np.random.default_rng(8).integers(0, 256, (47, 61, 3), dtype=np.uint8))
    cv2.imwrite(path('smooth_640x512.jpg'), pattern(640, 512, 9, noise=0), [cv2.IMWRITE_JPEG_QUALITY, 90])  # OE: exact 2x
    cv2.imwrite(path('portrait_301x451.jpg'), pattern(301, 451, 10), [cv2.IMWRITE_JPEG_QUALITY, 80])
    # a name with quotes and spaces
    cv2.imwrite(path('it\'s a "quoted" name.jpg'), pattern(40, 30, 11))

    # damaged files
    with open(path('ycbcr420_93x67.jpg'), 'rb') as f:
        whole = f.read()
    with open(path('truncated_93x67.jpg'), 'wb') as f:
        f.write(whole[:len(whole) * 6 // 10])
    with open(path('garbage_after_soi.jpg'), 'wb') as f:
        f.write(b'\xff\xd8\xff' + bytes(np.random.default_rng(12).integers(0, 256, 300, dtype=np.uint8)))
    with open(path('html_page.jpg'), 'wb') as f:
        f.write(b'<!DOCTYPE html><html><body>404 Not Found</body></html>\n')
    open(path('empty.jpg'), 'wb').close()


# ----------------------------------------------------------------------------------------------
# Cases

def spec(resize='oe', width=224, height=224, short=256, color='RGB', layout='NCHW', dtype='uint8', nv12=False,
         mean=(), scale=()):
    return dict(resize=resize, width=width, height=height, short=short, color=color, layout=layout, dtype=dtype,
                nv12=nv12, mean=list(mean), scale=list(scale))


def spec_text(s):
    return ';'.join('%s=%s' % (k, ','.join(repr(x) for x in v) if isinstance(v, list) else v)
                    for k, v in s.items())


def sha(a):
    return hashlib.sha256(np.ascontiguousarray(a).tobytes()).hexdigest()


class Cases:
    def __init__(self):
        self.lines = []
        os.makedirs(FULL, exist_ok=True)
        for name in os.listdir(FULL):
            os.remove(os.path.join(FULL, name))

    def add(self, kind, image, params, out):
        case_id = 'c%03d' % (len(self.lines) + 1)
        data = np.ascontiguousarray(out).tobytes()
        full = '-'
        if len(data) <= FULL_LIMIT:
            full = case_id + '.bin'
            with open(os.path.join(FULL, full), 'wb') as f:
                f.write(data)
        shape = 'x'.join(str(d) for d in out.shape)
        self.lines.append('\t'.join([case_id, kind, image, params, shape, sha(out), full]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--images', action='store_true', help='regenerate the synthetic images first')
    ap.add_argument('--assets', help='the shared assets folder, for assets.tsv')
    args = ap.parse_args()
    if args.images:
        make_images()

    cases = Cases()
    names = sorted(os.listdir(IMAGES))
    decoded = {}
    for name in names:
        img = cv2.imread(os.path.join(IMAGES, name))
        if img is None:
            cases.lines.append('\t'.join(['c%03d' % (len(cases.lines) + 1), 'unreadable', name, '-', '-', '-', '-']))
            continue
        decoded[name] = img
        cases.add('decode', name, '-', img)

    # resize: tiny, odd, extreme, up, down, exact 2x, same size
    noise = decoded['noise_61x47.png']
    for w, h in [(61, 47), (17, 13), (30, 23), (122, 94), (183, 141), (1, 1), (1, 47), (61, 1), (200, 5),
                 (5, 200), (60, 46), (62, 48), (224, 224), (31, 24)]:
        cases.add('resize', 'noise_61x47.png', 'width=%d;height=%d' % (w, h), direct(noise, w, h))
    for name, sizes in [('tiny_1x1.png', [(5, 3), (1, 1), (224, 224)]), ('tiny_2x3.jpg', [(1, 1), (7, 9)]),
                        ('wide_700x3.png', [(256, 1), (341, 2), (64, 64)]),
                        ('smooth_640x512.jpg', [(320, 256), (160, 128), (333, 257)]),
                        ('portrait_301x451.jpg', [(256, 383), (150, 225), (602, 902)])]:
        for w, h in sizes:
            cases.add('resize', name, 'width=%d;height=%d' % (w, h), direct(decoded[name], w, h))

    # preprocessing specs on several shapes
    specs = [
        spec(),  # the OE calibration tensor: uint8 RGB CHW
        spec(dtype='float32'),  # OE calibration as written by data_preprocess.py (float32, 0..255)
        spec(dtype='float32', mean=IMAGENET_MEAN, scale=IMAGENET_SCALE),
        spec(dtype='float32', mean=[127.5], scale=[1 / 127.5], layout='NHWC'),
        spec(resize='letterbox', dtype='float32', mean=IMAGENET_MEAN, scale=IMAGENET_SCALE),
        spec(resize='direct', color='BGR', layout='NHWC'),
        spec(nv12=True),
        spec(resize='letterbox', nv12=True, dtype='float32', mean=IMAGENET_MEAN, scale=IMAGENET_SCALE),
        spec(resize='oe', width=64, height=48, short=72, color='BGR'),
        spec(resize='letterbox', width=96, height=64),
    ]
    for name in ['ycbcr420_93x67.jpg', 'wide_700x3.png', 'tall_5x333.jpg', 'tiny_1x1.png', 'smooth_640x512.jpg',
                 'portrait_301x451.jpg', 'exif_orientation_6.jpg', 'cmyk_adobe_93x67.jpg']:
        for s in specs:
            cases.add('tensor', name, spec_text(s), tensor(decoded[name], s))
        for s in [spec(resize='letterbox'), spec(), spec(resize='direct', width=96, height=64)]:
            cases.add('nv12', name, spec_text(s), nv12_planes(decoded[name], s))

    header = ['# Goldens from make_goldens.py: cv2 %s, numpy %s, %s' % (cv2.__version__, np.__version__,
                                                                       sys.version.split()[0]),
              '# id\tkind\tinput\tparameters\tshape\tsha256\tfull']
    with open(os.path.join(HERE, 'cases.tsv'), 'w') as f:
        f.write('\n'.join(header + cases.lines) + '\n')

    if args.assets:
        lines = ['# Goldens from make_goldens.py --assets: cv2 %s. path\tdecode\toe-uint8-rgb-chw\tletterbox-nv12'
                 % cv2.__version__]
        folders = [('images/imagenet-sample-images', 1), ('images/ilsvrc2012-val-1300/data', 10)]
        for folder, step in folders:
            files = sorted(n for n in os.listdir(os.path.join(args.assets, folder))
                           if n.lower().endswith(('.jpeg', '.jpg', '.png')))
            for n in files[::step]:
                img = cv2.imread(os.path.join(args.assets, folder, n))
                lines.append('\t'.join([folder + '/' + n, sha(img), sha(tensor(img, spec())),
                                        sha(nv12_planes(img, spec(resize='letterbox')))]))
        with open(os.path.join(HERE, 'assets.tsv'), 'w') as f:
            f.write('\n'.join(lines) + '\n')
    print('%d cases' % len(cases.lines))


if __name__ == '__main__':
    main()
