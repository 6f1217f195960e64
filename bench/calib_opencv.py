#!/usr/bin/python3
"""The peer of `rdkzoo mapper calib` in bench/calib.sh: the OE calibration preprocessing written with
Python and OpenCV, as the toolchain's data_preprocess.py does it (ShortSideResizeTransformer(256),
CenterCropTransformer(224), HWC2CHW, BGR2RGB, float32, tofile), in one process.

    /usr/bin/python3 calib_opencv.py IMAGES_DIR OUT_DIR

Prints the number of images and the seconds spent after the imports.
"""
import os
import sys
import time

import cv2
import numpy as np


def main():
    src, dst = sys.argv[1], sys.argv[2]
    os.makedirs(dst, exist_ok=True)
    names = sorted(n for n in os.listdir(src) if n.lower().endswith(('.jpg', '.jpeg', '.png', '.bmp')))
    start = time.time()
    for name in names:
        img = cv2.imread(os.path.join(src, name))
        height, width = img.shape[:2]
        if height < width:
            img = cv2.resize(img, (int(256 * (width / height)), 256))
        else:
            img = cv2.resize(img, (256, int(256 * (height / width))))
        img = img.astype(np.float32)
        height, width = img.shape[:2]
        y, x = (height - 224) // 2, (width - 224) // 2
        img = img[y:y + 224, x:x + 224]
        chw = img.transpose(2, 0, 1)[::-1]
        np.ascontiguousarray(chw).tofile(os.path.join(dst, os.path.splitext(name)[0] + '.rgb'))
    print(len(names), '%.3f' % (time.time() - start))


if __name__ == '__main__':
    main()
