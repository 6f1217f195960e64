/*
 * C side of bench/runtime-overhead.sh: the loop a C program on the board would run, against the same libdnn
 * (here the stand-in) that the Java side uses, loaded by path into the same process. Per inference it does
 * what InferenceSession does: copy the dense NV12 input into the aligned buffer (row by row if padded),
 * flush CLEAN, hbDNNInfer, hbDNNWaitTaskDone, hbDNNReleaseTask, flush INVALIDATE, and read the outputs as
 * floats (dequantized per quantiType; the zoo's classifiers have F32 outputs with quantiType NONE).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dnn/hb_dnn.h"

#define MAX_OUTPUTS 8

typedef struct {
  int32_t (*init)(hbPackedDNNHandle_t *, char const **, int32_t);
  int32_t (*release)(hbPackedDNNHandle_t);
  int32_t (*names)(char const ***, int32_t *, hbPackedDNNHandle_t);
  int32_t (*handle)(hbDNNHandle_t *, hbPackedDNNHandle_t, char const *);
  int32_t (*in_props)(hbDNNTensorProperties *, hbDNNHandle_t, int32_t);
  int32_t (*out_count)(int32_t *, hbDNNHandle_t);
  int32_t (*out_props)(hbDNNTensorProperties *, hbDNNHandle_t, int32_t);
  int32_t (*infer)(hbDNNTaskHandle_t *, hbDNNTensor **, hbDNNTensor const *, hbDNNHandle_t, hbDNNInferCtrlParam *);
  int32_t (*wait)(hbDNNTaskHandle_t, int32_t);
  int32_t (*release_task)(hbDNNTaskHandle_t);
  int32_t (*alloc)(hbSysMem *, uint32_t);
  int32_t (*flush)(hbSysMem *, int32_t);
  int32_t (*free_mem)(hbSysMem *);
} api;

typedef struct {
  api f;
  hbPackedDNNHandle_t packed;
  hbDNNHandle_t model;
  hbDNNTensor input;
  hbDNNTensor outputs[MAX_OUTPUTS];
  int32_t n_outputs;
  long h, w, aligned_h, aligned_w;
  uint8_t *nv12;      /* the dense input, H*W*3/2 */
  float *values[MAX_OUTPUTS];
  long counts[MAX_OUTPUTS];
} driver;

#define LOAD(field, name)                                                  \
  if ((d->f.field = dlsym(lib, name)) == NULL) {                           \
    fprintf(stderr, "runtime_overhead_driver: %s has no %s\n", libdnn, name); \
    return NULL;                                                           \
  }

#define CHECK(call)                                                                 \
  do {                                                                              \
    int32_t rc_ = (call);                                                           \
    if (rc_ != 0) {                                                                 \
      fprintf(stderr, "runtime_overhead_driver: %s failed: %d\n", #call, rc_); \
      return -1;                                                                    \
    }                                                                               \
  } while (0)

static long count_of(const hbDNNTensorShape *s) {
  long n = 1;
  for (int i = 0; i < s->numDimensions; i++) n *= s->dimensionSize[i];
  return n;
}

void *driver_open(const char *libdnn, const char *model_file) {
  void *lib = dlopen(libdnn, RTLD_NOW);
  if (lib == NULL) {
    fprintf(stderr, "runtime_overhead_driver: %s\n", dlerror());
    return NULL;
  }
  driver *d = calloc(1, sizeof(driver));
  LOAD(init, "hbDNNInitializeFromFiles") LOAD(release, "hbDNNRelease") LOAD(names, "hbDNNGetModelNameList")
  LOAD(handle, "hbDNNGetModelHandle") LOAD(in_props, "hbDNNGetInputTensorProperties")
  LOAD(out_count, "hbDNNGetOutputCount") LOAD(out_props, "hbDNNGetOutputTensorProperties")
  LOAD(infer, "hbDNNInfer") LOAD(wait, "hbDNNWaitTaskDone") LOAD(release_task, "hbDNNReleaseTask")
  LOAD(alloc, "hbSysAllocCachedMem") LOAD(flush, "hbSysFlushMem") LOAD(free_mem, "hbSysFreeMem")
  char const **names;
  int32_t n;
  if (d->f.init(&d->packed, &model_file, 1) != 0 || d->f.names(&names, &n, d->packed) != 0 ||
      d->f.handle(&d->model, d->packed, names[0]) != 0 || d->f.in_props(&d->input.properties, d->model, 0) != 0 ||
      d->f.out_count(&d->n_outputs, d->model) != 0 || d->n_outputs > MAX_OUTPUTS) {
    fprintf(stderr, "runtime_overhead_driver: cannot load %s\n", model_file);
    return NULL;
  }
  hbDNNTensorProperties *p = &d->input.properties;
  d->h = p->validShape.dimensionSize[2];
  d->w = p->validShape.dimensionSize[3];
  d->aligned_h = p->alignedShape.dimensionSize[2];
  d->aligned_w = p->alignedShape.dimensionSize[3];
  d->nv12 = malloc((size_t)(d->h * d->w * 3 / 2));
  for (long i = 0; i < d->h * d->w * 3 / 2; i++) d->nv12[i] = (uint8_t)(i * 7);
  if (d->f.alloc(&d->input.sysMem[0], (uint32_t)(d->aligned_h * d->aligned_w * 3 / 2)) != 0) return NULL;
  for (int o = 0; o < d->n_outputs; o++) {
    if (d->f.out_props(&d->outputs[o].properties, d->model, o) != 0 ||
        d->f.alloc(&d->outputs[o].sysMem[0], (uint32_t)d->outputs[o].properties.alignedByteSize) != 0) {
      return NULL;
    }
    d->counts[o] = count_of(&d->outputs[o].properties.validShape);
    d->values[o] = malloc(sizeof(float) * (size_t)d->counts[o]);
  }
  return d;
}

/* Reads an output's valid elements as floats (dense outputs, as the zoo's classifiers have). */
static void read_output(driver *d, int o) {
  const hbDNNTensorProperties *p = &d->outputs[o].properties;
  const void *data = d->outputs[o].sysMem[0].virAddr;
  float *values = d->values[o];
  long n = d->counts[o];
  if (p->tensorType == HB_DNN_TENSOR_TYPE_F32 && p->quantiType == NONE) {
    memcpy(values, data, sizeof(float) * (size_t)n);
  } else if (p->tensorType == HB_DNN_TENSOR_TYPE_S32 && p->quantiType == SCALE) {
    const int32_t *q = data;
    for (long i = 0; i < n; i++) values[i] = (float)q[i] * p->scale.scaleData[p->scale.scaleLen == 1 ? 0 : i];
  }
}

/* Copies rows of w bytes to rows aligned_w apart, in one go when there is no padding (as InputPacker does). */
static void copy_rows(uint8_t *dst, const uint8_t *src, long rows, long w, long aligned_w) {
  if (w == aligned_w) {
    memcpy(dst, src, (size_t)(rows * w));
    return;
  }
  for (long r = 0; r < rows; r++) memcpy(dst + r * aligned_w, src + r * w, (size_t)w);
}

/* Runs `iterations` inferences and returns the nanoseconds they took, or -1. */
int64_t driver_run(void *handle, int32_t iterations) {
  driver *d = handle;
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  for (int32_t it = 0; it < iterations; it++) {
    uint8_t *dst = d->input.sysMem[0].virAddr;
    copy_rows(dst, d->nv12, d->h, d->w, d->aligned_w);
    copy_rows(dst + d->aligned_h * d->aligned_w, d->nv12 + d->h * d->w, d->h / 2, d->w, d->aligned_w);
    CHECK(d->f.flush(&d->input.sysMem[0], HB_SYS_MEM_CACHE_CLEAN));
    hbDNNTaskHandle_t task = NULL;
    hbDNNInferCtrlParam ctrl;
    HB_DNN_INITIALIZE_INFER_CTRL_PARAM(&ctrl);
    hbDNNTensor *outputs = d->outputs;
    CHECK(d->f.infer(&task, &outputs, &d->input, d->model, &ctrl));
    CHECK(d->f.wait(task, 10000));
    CHECK(d->f.release_task(task));
    for (int o = 0; o < d->n_outputs; o++) {
      CHECK(d->f.flush(&d->outputs[o].sysMem[0], HB_SYS_MEM_CACHE_INVALIDATE));
      read_output(d, o);
    }
  }
  clock_gettime(CLOCK_MONOTONIC, &end);
  return (int64_t)(end.tv_sec - start.tv_sec) * 1000000000LL + (end.tv_nsec - start.tv_nsec);
}

/* The first output value of the last inference, so the compiler cannot drop the reads. */
float driver_checksum(void *handle) { return ((driver *)handle)->values[0][0]; }

void driver_close(void *handle) {
  driver *d = handle;
  d->f.free_mem(&d->input.sysMem[0]);
  for (int o = 0; o < d->n_outputs; o++) {
    d->f.free_mem(&d->outputs[o].sysMem[0]);
    free(d->values[o]);
  }
  d->f.release(d->packed);
  free(d->nv12);
  free(d);
}
