/*
 * hb_dnn layout probe (rdkzoo). Prints sizeof and offsetof of every struct and field that rdkzoo maps
 * through JNA, one "NAME VALUE" per line, so that the layout of the libdnn header on a board can be
 * compared with rdkzoo's mapping.
 *
 * On an RDK X5 (headers in /usr/include/dnn):
 *     gcc -o hb_dnn_layout_probe hb_dnn_layout_probe.c && ./hb_dnn_layout_probe
 * Against another copy of the headers (a directory holding dnn/hb_dnn.h):
 *     gcc -I DIR -o hb_dnn_layout_probe hb_dnn_layout_probe.c
 */
#include <stddef.h>
#include <stdio.h>

#include "dnn/hb_dnn.h"
#include "dnn/hb_sys.h"

#define SIZE(type) printf("%s %zu\n", #type, sizeof(type))
#define FIELD(type, field) printf("%s.%s %zu\n", #type, #field, offsetof(type, field))

int main(void) {
  printf("pointer %zu\n", sizeof(void *));

  SIZE(hbSysMem);
  FIELD(hbSysMem, phyAddr);
  FIELD(hbSysMem, virAddr);
  FIELD(hbSysMem, memSize);

  SIZE(hbDNNTensorShape);
  FIELD(hbDNNTensorShape, dimensionSize);
  FIELD(hbDNNTensorShape, numDimensions);

  SIZE(hbDNNQuantiShift);
  FIELD(hbDNNQuantiShift, shiftLen);
  FIELD(hbDNNQuantiShift, shiftData);

  SIZE(hbDNNQuantiScale);
  FIELD(hbDNNQuantiScale, scaleLen);
  FIELD(hbDNNQuantiScale, scaleData);
  FIELD(hbDNNQuantiScale, zeroPointLen);
  FIELD(hbDNNQuantiScale, zeroPointData);

  SIZE(hbDNNTensorProperties);
  FIELD(hbDNNTensorProperties, validShape);
  FIELD(hbDNNTensorProperties, alignedShape);
  FIELD(hbDNNTensorProperties, tensorLayout);
  FIELD(hbDNNTensorProperties, tensorType);
  FIELD(hbDNNTensorProperties, shift);
  FIELD(hbDNNTensorProperties, scale);
  FIELD(hbDNNTensorProperties, quantiType);
  FIELD(hbDNNTensorProperties, quantizeAxis);
  FIELD(hbDNNTensorProperties, alignedByteSize);
  FIELD(hbDNNTensorProperties, stride);

  SIZE(hbDNNTensor);
  FIELD(hbDNNTensor, sysMem);
  FIELD(hbDNNTensor, properties);

  SIZE(hbDNNInferCtrlParam);
  FIELD(hbDNNInferCtrlParam, bpuCoreId);
  FIELD(hbDNNInferCtrlParam, dspCoreId);
  FIELD(hbDNNInferCtrlParam, priority);
  FIELD(hbDNNInferCtrlParam, more);
  FIELD(hbDNNInferCtrlParam, customId);
  FIELD(hbDNNInferCtrlParam, reserved1);
  FIELD(hbDNNInferCtrlParam, reserved2);
  return 0;
}
