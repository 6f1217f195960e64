/*
 * libdnn stand-in (rdkzoo tests). A C library with the ABI of the RDK X5 libdnn (same symbol names, same
 * struct layouts: see include/dnn/hb_dnn.h, rdkzoo's transcription of the documented header), so that the
 * JNA binding can be exercised on a PC. It is NOT the BPU: figures measured with it are stand-in figures.
 *
 * "Model files" are small text descriptions in place of .bin files (format below). The stand-in:
 *   - reports the described tensors, including padding in alignedShape and stride;
 *   - keeps a CPU view and a separate "device" view of every hbSysMem, and copies between them only on
 *     hbSysFlushMem (CLEAN: CPU -> device, INVALIDATE: device -> CPU), as non-coherent caches would, so a
 *     caller that forgets a flush computes on stale data; an input that was not CLEANed since its last use
 *     fails the task with STANDIN_INPUT_NOT_CLEANED (-6000900);
 *   - computes a known function of the input (compute scores|echo|none, below) into the device view of
 *     each output, quantized per the output's quantiType (NONE, SHIFT, SCALE; per tensor or per axis),
 *     and fills output padding with 0x7F bytes so a reader that ignores stride reads garbage;
 *   - can fail any call with a given code (description file, RDKZOO_STANDIN_FAIL, standin_inject) and
 *     can make tasks hang (WaitTaskDone times out) or take a while (delay_us);
 *   - is thread-safe and counts live allocations (standin_live_allocations) for leak tests.
 *
 * Description file (one directive per line, '#' starts a comment):
 *   model NAME                              starts a model; a file may hold several
 *   input  NAME TYPE LAYOUT key=value...    TYPE: NV12 NV12_SEPARATE Y YUV444 RGB BGR S8 U8 F16 S16 U16
 *   output NAME TYPE LAYOUT key=value...          F32 S32 U32 F64 S64 U64;  LAYOUT: NCHW NHWC NONE
 *       valid=1x3x224x224    validShape (required)
 *       aligned=1x3x224x256  alignedShape (default: valid)
 *       stride=a,b,c,d       stride in bytes (default: dense over aligned; zeros for image types)
 *       bytes=N              alignedByteSize (default: computed from the aligned shape)
 *       quant=NONE|SHIFT|SCALE axis=N scale=f,f,.. zero=i,i,.. shift=i,i,..
 *   compute scores|echo|none   what hbDNNInfer computes (default scores):
 *       scores: with mY, mU, mV the rounded means of the valid Y, U and V samples of the first input (for
 *               a non-NV12 input: mY = rounded mean of its valid bytes, mU = mV = 0),
 *               t = mY + 2*mU + 3*mV, and N the valid element count of the output,
 *               output element i (row-major over validShape) = -|i - (t mod N)|;
 *       echo:   output element i = byte i of the inputs' valid bytes, concatenated in input order
 *               (NV12: the H*W Y bytes, then the H/2 rows of W interleaved UV bytes), 0 past the end;
 *       none:   only output element 0 is written (the first input byte): a near-zero-cost compute.
 *   delay_us N                 tasks finish N microseconds after hbDNNInfer
 *   hang                       tasks never finish: hbDNNWaitTaskDone returns HB_DNN_TIMEOUT after its
 *                              timeout (after 10 s when the timeout is <= 0, so that no test hangs)
 *   fail FUNCTION CODE [after N] [times M]
 *                              FUNCTION returns CODE (after N successful calls, at most M times)
 *
 * Compile: gcc -shared -fPIC -O2 -fvisibility=hidden -I include -o libdnn_standin.so libdnn_standin.c -lpthread
 * (-DSTANDIN_WITHOUT_ERROR_DESC leaves hbDNNGetErrorDesc out, as in libdnn builds that lack it.)
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dnn/hb_dnn.h"
#include "dnn/hb_dnn_status.h"
#include "dnn/hb_sys.h"

#define EXPORT __attribute__((visibility("default")))

#define STANDIN_INPUT_NOT_CLEANED (-6000900)
#define MAX_TENSORS 8
#define MAX_RULES 16
#define MAX_LIVE_TASKS 32
#define HANG_CAP_MS 10000
#define PACK_MAGIC 0x5041434bu
#define TASK_MAGIC 0x5441534bu

enum { COMPUTE_SCORES, COMPUTE_ECHO, COMPUTE_NONE };

typedef struct {
  char function[48];
  int32_t code;
  long after; /* calls that succeed before the rule fires */
  long times; /* how often it fires; < 0 = always */
  long calls;
  long fired;
} rule;

typedef struct {
  char name[64];
  hbDNNTensorProperties props;
} tensor_desc;

typedef struct model {
  struct pack *pack;
  char name[64];
  int n_inputs;
  int n_outputs;
  tensor_desc inputs[MAX_TENSORS];
  tensor_desc outputs[MAX_TENSORS];
  int compute;
  long delay_us;
  int hang;
  int n_rules;
  rule rules[MAX_RULES];
} model;

typedef struct pack {
  uint32_t magic;
  int n_models;
  model *models;
  char const **names;
  struct pack *next;
} pack;

typedef struct memrec {
  void *cpu;
  void *dev;
  uint32_t size;
  int cleaned; /* CLEANed since it was last read by a task */
  struct memrec *next;
} memrec;

typedef struct task {
  uint32_t magic;
  model *m;
  struct timespec done_at;
  struct task *next;
} task;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pack *live_packs;
static memrec *live_mems;
static task *live_tasks;
static int n_live_packs, n_live_mems, n_live_tasks;
static long n_clean, n_invalidate, n_infer;
static rule global_rules[MAX_RULES];
static int n_global_rules;

/* ---------- failure injection ---------- */

static int add_rule(rule *rules, int *n, const char *function, int32_t code, long after, long times) {
  if (*n >= MAX_RULES || strlen(function) >= sizeof(rules[0].function)) {
    return -1;
  }
  rule *r = &rules[(*n)++];
  memset(r, 0, sizeof(*r));
  strcpy(r->function, function);
  r->code = code;
  r->after = after;
  r->times = times;
  return 0;
}

static int32_t fire(rule *rules, int n, const char *function) {
  for (int i = 0; i < n; i++) {
    rule *r = &rules[i];
    if (strcmp(r->function, function) != 0) {
      continue;
    }
    r->calls++;
    if (r->calls > r->after && (r->times < 0 || r->fired < r->times)) {
      r->fired++;
      return r->code;
    }
  }
  return 0;
}

/* The injected code for FUNCTION called on these models (NULL: no model), or 0. */
static int32_t injected(model *models, int n_models, const char *function) {
  pthread_mutex_lock(&lock);
  int32_t rc = 0;
  for (int i = 0; i < n_models && rc == 0; i++) {
    rc = fire(models[i].rules, models[i].n_rules, function);
  }
  if (rc == 0) {
    rc = fire(global_rules, n_global_rules, function);
  }
  pthread_mutex_unlock(&lock);
  return rc;
}

/* RDKZOO_STANDIN_FAIL="hbDNNInfer=-6000012,hbSysAllocCachedMem=-6000130": read once, at load. */
__attribute__((constructor)) static void read_env_failures(void) {
  const char *env = getenv("RDKZOO_STANDIN_FAIL");
  if (env == NULL) {
    return;
  }
  char *copy = strdup(env);
  char *save = NULL;
  for (char *item = strtok_r(copy, ",", &save); item != NULL; item = strtok_r(NULL, ",", &save)) {
    char *eq = strchr(item, '=');
    if (eq == NULL) {
      fprintf(stderr, "libdnn stand-in: RDKZOO_STANDIN_FAIL item '%s' is not FUNCTION=CODE\n", item);
      continue;
    }
    *eq = '\0';
    add_rule(global_rules, &n_global_rules, item, (int32_t)strtol(eq + 1, NULL, 10), 0, -1);
  }
  free(copy);
}

/* ---------- tensor geometry ---------- */

static int element_size(int32_t type) {
  switch (type) {
    case HB_DNN_IMG_TYPE_Y:
    case HB_DNN_IMG_TYPE_NV12:
    case HB_DNN_IMG_TYPE_NV12_SEPARATE:
    case HB_DNN_IMG_TYPE_YUV444:
    case HB_DNN_IMG_TYPE_RGB:
    case HB_DNN_IMG_TYPE_BGR:
    case HB_DNN_TENSOR_TYPE_S8:
    case HB_DNN_TENSOR_TYPE_U8:
      return 1;
    case HB_DNN_TENSOR_TYPE_F16:
    case HB_DNN_TENSOR_TYPE_S16:
    case HB_DNN_TENSOR_TYPE_U16:
      return 2;
    case HB_DNN_TENSOR_TYPE_F32:
    case HB_DNN_TENSOR_TYPE_S32:
    case HB_DNN_TENSOR_TYPE_U32:
      return 4;
    case HB_DNN_TENSOR_TYPE_F64:
    case HB_DNN_TENSOR_TYPE_S64:
    case HB_DNN_TENSOR_TYPE_U64:
      return 8;
    default:
      return 0;
  }
}

static int is_image(int32_t type) { return type >= HB_DNN_IMG_TYPE_Y && type <= HB_DNN_IMG_TYPE_BGR; }

static int is_yuv420(int32_t type) {
  return type == HB_DNN_IMG_TYPE_NV12 || type == HB_DNN_IMG_TYPE_NV12_SEPARATE || type == HB_DNN_IMG_TYPE_Y;
}

static long element_count(const hbDNNTensorShape *s) {
  long n = 1;
  for (int d = 0; d < s->numDimensions; d++) {
    n *= s->dimensionSize[d];
  }
  return n;
}

/* Height and width of an image tensor, from its layout. */
static void image_hw(const hbDNNTensorShape *s, int32_t layout, long *h, long *w) {
  if (layout == HB_DNN_LAYOUT_NHWC) {
    *h = s->dimensionSize[1];
    *w = s->dimensionSize[2];
  } else {
    *h = s->dimensionSize[2];
    *w = s->dimensionSize[3];
  }
}

/* Byte step of each dimension: the stride field when set, else dense row-major over alignedShape. */
static void byte_strides(const hbDNNTensorProperties *p, long *out) {
  int any = 0;
  for (int d = 0; d < p->validShape.numDimensions; d++) {
    any |= p->stride[d] != 0;
  }
  if (any) {
    for (int d = 0; d < p->validShape.numDimensions; d++) {
      out[d] = p->stride[d];
    }
    return;
  }
  long step = element_size(p->tensorType);
  for (int d = p->alignedShape.numDimensions - 1; d >= 0; d--) {
    out[d] = step;
    step *= p->alignedShape.dimensionSize[d];
  }
}

/* Byte offset of the i-th valid element (row-major over validShape). */
static long element_offset(const hbDNNTensorProperties *p, const long *strides, long i) {
  long offset = 0;
  for (int d = p->validShape.numDimensions - 1; d >= 0; d--) {
    long dim = p->validShape.dimensionSize[d];
    offset += (i % dim) * strides[d];
    i /= dim;
  }
  return offset;
}

/* Bytes each plane of the tensor needs (planes: 2 for NV12_SEPARATE, else 1). */
static int plane_sizes(const hbDNNTensorProperties *p, long *sizes) {
  if (is_yuv420(p->tensorType)) {
    long h, w;
    image_hw(&p->alignedShape, p->tensorLayout, &h, &w);
    if (p->tensorType == HB_DNN_IMG_TYPE_NV12_SEPARATE) {
      sizes[0] = h * w;
      sizes[1] = h / 2 * w;
      return 2;
    }
    sizes[0] = p->tensorType == HB_DNN_IMG_TYPE_Y ? h * w : h * w * 3 / 2;
    return 1;
  }
  long strides[HB_DNN_TENSOR_MAX_DIMENSIONS];
  byte_strides(p, strides);
  sizes[0] = element_offset(p, strides, element_count(&p->validShape) - 1) + element_size(p->tensorType);
  return 1;
}

/* ---------- description files ---------- */

static int parse_shape(const char *text, hbDNNTensorShape *s) {
  memset(s, 0, sizeof(*s));
  const char *c = text;
  while (*c) {
    if (s->numDimensions == HB_DNN_TENSOR_MAX_DIMENSIONS || !isdigit((unsigned char)*c)) {
      return -1;
    }
    char *end;
    s->dimensionSize[s->numDimensions++] = (int32_t)strtol(c, &end, 10);
    c = *end == 'x' ? end + 1 : end;
    if (*end != 'x' && *end != '\0') {
      return -1;
    }
  }
  return s->numDimensions > 0 ? 0 : -1;
}

/* Parses "a,b,c" into a new array of doubles; returns the count or -1. */
static int parse_list(const char *text, double **out) {
  int n = 1;
  for (const char *c = text; *c; c++) {
    n += *c == ',';
  }
  *out = calloc((size_t)n, sizeof(double));
  const char *c = text;
  for (int i = 0; i < n; i++) {
    char *end;
    (*out)[i] = strtod(c, &end);
    if (end == c || (*end != ',' && *end != '\0')) {
      free(*out);
      *out = NULL;
      return -1;
    }
    c = end + 1;
  }
  return n;
}

static int type_code(const char *name) {
  static const char *names[] = {"Y",   "NV12", "NV12_SEPARATE", "YUV444", "RGB", "BGR", "S4",
                                "U4",  "S8",   "U8",            "F16",    "S16", "U16", "F32",
                                "S32", "U32",  "F64",           "S64",    "U64"};
  for (int i = 0; i < (int)(sizeof(names) / sizeof(names[0])); i++) {
    if (strcmp(names[i], name) == 0) {
      return i;
    }
  }
  return -1;
}

static int parse_tensor(char *save, tensor_desc *t) {
  char *name = strtok_r(NULL, " \t\r\n", &save);
  char *type = strtok_r(NULL, " \t\r\n", &save);
  char *layout = strtok_r(NULL, " \t\r\n", &save);
  if (name == NULL || type == NULL || layout == NULL || strlen(name) >= sizeof(t->name)) {
    return -1;
  }
  memset(t, 0, sizeof(*t));
  strcpy(t->name, name);
  hbDNNTensorProperties *p = &t->props;
  p->tensorType = type_code(type);
  p->tensorLayout = strcmp(layout, "NHWC") == 0   ? HB_DNN_LAYOUT_NHWC
                    : strcmp(layout, "NCHW") == 0 ? HB_DNN_LAYOUT_NCHW
                    : strcmp(layout, "NONE") == 0 ? HB_DNN_LAYOUT_NONE
                                                  : -1;
  if (p->tensorType < 0 || element_size(p->tensorType) == 0 || p->tensorLayout < 0) {
    return -1;
  }
  int have_valid = 0, have_aligned = 0, have_bytes = 0;
  for (char *kv = strtok_r(NULL, " \t\r\n", &save); kv != NULL; kv = strtok_r(NULL, " \t\r\n", &save)) {
    char *eq = strchr(kv, '=');
    if (eq == NULL) {
      return -1;
    }
    *eq = '\0';
    const char *key = kv, *value = eq + 1;
    double *list = NULL;
    int n = 0;
    if (strcmp(key, "valid") == 0) {
      have_valid = parse_shape(value, &p->validShape) == 0;
      if (!have_valid) return -1;
    } else if (strcmp(key, "aligned") == 0) {
      have_aligned = parse_shape(value, &p->alignedShape) == 0;
      if (!have_aligned) return -1;
    } else if (strcmp(key, "bytes") == 0) {
      p->alignedByteSize = (int32_t)strtol(value, NULL, 10);
      have_bytes = 1;
    } else if (strcmp(key, "axis") == 0) {
      p->quantizeAxis = (int32_t)strtol(value, NULL, 10);
    } else if (strcmp(key, "quant") == 0) {
      p->quantiType = strcmp(value, "SHIFT") == 0 ? SHIFT : strcmp(value, "SCALE") == 0 ? SCALE : NONE;
      if (strcmp(value, "NONE") != 0 && p->quantiType == NONE) return -1;
    } else if ((n = parse_list(value, &list)) < 0) {
      return -1;
    } else if (strcmp(key, "stride") == 0 && n <= HB_DNN_TENSOR_MAX_DIMENSIONS) {
      for (int i = 0; i < n; i++) p->stride[i] = (int32_t)list[i];
    } else if (strcmp(key, "scale") == 0) {
      p->scale.scaleLen = n;
      p->scale.scaleData = calloc((size_t)n, sizeof(float));
      for (int i = 0; i < n; i++) p->scale.scaleData[i] = (float)list[i];
    } else if (strcmp(key, "zero") == 0) {
      p->scale.zeroPointLen = n;
      p->scale.zeroPointData = calloc((size_t)n, sizeof(int8_t));
      for (int i = 0; i < n; i++) p->scale.zeroPointData[i] = (int8_t)list[i];
    } else if (strcmp(key, "shift") == 0) {
      p->shift.shiftLen = n;
      p->shift.shiftData = calloc((size_t)n, sizeof(uint8_t));
      for (int i = 0; i < n; i++) p->shift.shiftData[i] = (uint8_t)list[i];
    } else {
      free(list);
      return -1;
    }
    free(list);
  }
  if (!have_valid) {
    return -1;
  }
  if (!have_aligned) {
    p->alignedShape = p->validShape;
  }
  if (p->alignedShape.numDimensions != p->validShape.numDimensions) {
    return -1;
  }
  if (is_image(p->tensorType) && p->validShape.numDimensions != 4) {
    return -1;
  }
  if (!is_image(p->tensorType)) {
    int any = 0;
    for (int d = 0; d < HB_DNN_TENSOR_MAX_DIMENSIONS; d++) any |= p->stride[d] != 0;
    if (!any) {
      long step = element_size(p->tensorType);
      for (int d = p->alignedShape.numDimensions - 1; d >= 0; d--) {
        p->stride[d] = (int32_t)step;
        step *= p->alignedShape.dimensionSize[d];
      }
    }
  }
  if (!have_bytes) {
    if (is_yuv420(p->tensorType)) {
      long sizes[2];
      int planes = plane_sizes(p, sizes);
      p->alignedByteSize = (int32_t)(planes == 2 ? sizes[0] + sizes[1] : sizes[0]);
    } else if (!is_image(p->tensorType)) {
      p->alignedByteSize = p->stride[0] * p->alignedShape.dimensionSize[0];
    } else {
      p->alignedByteSize = (int32_t)(element_count(&p->alignedShape) * element_size(p->tensorType));
    }
  }
  return 0;
}

static void free_tensor(tensor_desc *t) {
  free(t->props.scale.scaleData);
  free(t->props.scale.zeroPointData);
  free(t->props.shift.shiftData);
}

static void free_pack(pack *p) {
  for (int i = 0; i < p->n_models; i++) {
    for (int j = 0; j < p->models[i].n_inputs; j++) free_tensor(&p->models[i].inputs[j]);
    for (int j = 0; j < p->models[i].n_outputs; j++) free_tensor(&p->models[i].outputs[j]);
  }
  free(p->models);
  free(p->names);
  free(p);
}

/* Appends the models of one description file to the pack; returns 0 or an hbDNN status. */
static int32_t parse_file(const char *path, pack *p) {
  FILE *f = fopen(path, "r");
  if (f == NULL) {
    return HB_DNN_CAN_NOT_OPEN_FILE;
  }
  char line[4096];
  int line_no = 0;
  model *m = NULL;
  int32_t rc = 0;
  while (rc == 0 && fgets(line, sizeof(line), f) != NULL) {
    line_no++;
    char *hash = strchr(line, '#');
    if (hash != NULL) *hash = '\0';
    char *save = NULL;
    char *word = strtok_r(line, " \t\r\n", &save);
    if (word == NULL) continue;
    int ok = 1;
    if (strcmp(word, "model") == 0) {
      char *name = strtok_r(NULL, " \t\r\n", &save);
      p->models = realloc(p->models, sizeof(model) * (size_t)(p->n_models + 1));
      m = &p->models[p->n_models++];
      memset(m, 0, sizeof(*m));
      ok = name != NULL && strlen(name) < sizeof(m->name);
      if (ok) strcpy(m->name, name);
    } else if (m == NULL) {
      ok = 0;
    } else if (strcmp(word, "input") == 0) {
      ok = m->n_inputs < MAX_TENSORS && parse_tensor(save, &m->inputs[m->n_inputs]) == 0;
      if (ok) m->n_inputs++;
    } else if (strcmp(word, "output") == 0) {
      ok = m->n_outputs < MAX_TENSORS && parse_tensor(save, &m->outputs[m->n_outputs]) == 0;
      if (ok) m->n_outputs++;
    } else if (strcmp(word, "compute") == 0) {
      char *what = strtok_r(NULL, " \t\r\n", &save);
      m->compute = what == NULL ? -1
                   : strcmp(what, "scores") == 0 ? COMPUTE_SCORES
                   : strcmp(what, "echo") == 0   ? COMPUTE_ECHO
                   : strcmp(what, "none") == 0   ? COMPUTE_NONE
                                                 : -1;
      ok = m->compute >= 0;
    } else if (strcmp(word, "delay_us") == 0) {
      char *n = strtok_r(NULL, " \t\r\n", &save);
      ok = n != NULL;
      if (ok) m->delay_us = strtol(n, NULL, 10);
    } else if (strcmp(word, "hang") == 0) {
      m->hang = 1;
    } else if (strcmp(word, "fail") == 0) {
      char *function = strtok_r(NULL, " \t\r\n", &save);
      char *code = strtok_r(NULL, " \t\r\n", &save);
      long after = 0, times = -1;
      for (char *k = strtok_r(NULL, " \t\r\n", &save); ok && k != NULL; k = strtok_r(NULL, " \t\r\n", &save)) {
        char *v = strtok_r(NULL, " \t\r\n", &save);
        ok = v != NULL && (strcmp(k, "after") == 0 || strcmp(k, "times") == 0);
        if (ok && strcmp(k, "after") == 0) after = strtol(v, NULL, 10);
        if (ok && strcmp(k, "times") == 0) times = strtol(v, NULL, 10);
      }
      ok = ok && function != NULL && code != NULL &&
           add_rule(m->rules, &m->n_rules, function, (int32_t)strtol(code, NULL, 10), after, times) == 0;
    } else {
      ok = 0;
    }
    if (!ok) {
      fprintf(stderr, "libdnn stand-in: %s:%d: cannot read this line as a model description\n", path, line_no);
      rc = HB_DNN_INVALID_MODEL;
    }
  }
  fclose(f);
  if (rc == 0 && p->n_models == 0) {
    fprintf(stderr, "libdnn stand-in: %s: no 'model NAME' line\n", path);
    rc = HB_DNN_INVALID_MODEL;
  }
  return rc;
}

/* ---------- handles ---------- */

static pack *find_pack_locked(void *handle) {
  for (pack *p = live_packs; p != NULL; p = p->next) {
    if (p == handle) return p;
  }
  return NULL;
}

static model *find_model(void *handle) {
  pthread_mutex_lock(&lock);
  model *found = NULL;
  for (pack *p = live_packs; p != NULL && found == NULL; p = p->next) {
    for (int i = 0; i < p->n_models; i++) {
      if (&p->models[i] == handle) found = &p->models[i];
    }
  }
  pthread_mutex_unlock(&lock);
  return found;
}

static memrec *find_mem_locked(const void *vir) {
  for (memrec *r = live_mems; r != NULL; r = r->next) {
    if (r->cpu == vir) return r;
  }
  return NULL;
}

static memrec *find_mem(const void *vir) {
  pthread_mutex_lock(&lock);
  memrec *r = find_mem_locked(vir);
  pthread_mutex_unlock(&lock);
  return r;
}

/* ---------- the API ---------- */

EXPORT char const *hbDNNGetVersion() { return "rdkzoo-standin (libdnn 1.24.5 ABI)"; }

EXPORT int32_t hbDNNInitializeFromFiles(hbPackedDNNHandle_t *packedDNNHandle, char const **modelFileNames,
                                        int32_t modelFileCount) {
  if (packedDNNHandle == NULL || modelFileNames == NULL || modelFileCount <= 0) {
    return HB_DNN_INVALID_ARGUMENT;
  }
  int32_t rc = injected(NULL, 0, "hbDNNInitializeFromFiles");
  if (rc != 0) return rc;
  pack *p = calloc(1, sizeof(pack));
  p->magic = PACK_MAGIC;
  for (int i = 0; i < modelFileCount && rc == 0; i++) {
    rc = parse_file(modelFileNames[i], p);
  }
  for (int i = 0; i < p->n_models && rc == 0; i++) {
    for (int j = 0; j < i; j++) {
      if (strcmp(p->models[i].name, p->models[j].name) == 0) rc = HB_DNN_INVALID_MODEL;
    }
  }
  if (rc == 0) rc = injected(p->models, p->n_models, "hbDNNInitializeFromFiles");
  if (rc != 0) {
    free_pack(p);
    return rc;
  }
  p->names = calloc((size_t)p->n_models, sizeof(char *));
  for (int i = 0; i < p->n_models; i++) {
    p->models[i].pack = p;
    p->names[i] = p->models[i].name;
  }
  pthread_mutex_lock(&lock);
  p->next = live_packs;
  live_packs = p;
  n_live_packs++;
  pthread_mutex_unlock(&lock);
  *packedDNNHandle = p;
  return 0;
}

EXPORT int32_t hbDNNRelease(hbPackedDNNHandle_t packedDNNHandle) {
  pthread_mutex_lock(&lock);
  pack *p = find_pack_locked(packedDNNHandle);
  if (p == NULL) {
    pthread_mutex_unlock(&lock);
    return HB_DNN_INVALID_PACKED_DNN_HANDLE;
  }
  pthread_mutex_unlock(&lock);
  int32_t rc = injected(p->models, p->n_models, "hbDNNRelease");
  if (rc != 0) return rc;
  pthread_mutex_lock(&lock);
  for (task *t = live_tasks; t != NULL; t = t->next) {
    if (t->m->pack == p) {
      pthread_mutex_unlock(&lock);
      return HB_DNN_MODEL_IS_RUNNING;
    }
  }
  for (pack **link = &live_packs; *link != NULL; link = &(*link)->next) {
    if (*link == p) {
      *link = p->next;
      break;
    }
  }
  n_live_packs--;
  pthread_mutex_unlock(&lock);
  free_pack(p);
  return 0;
}

EXPORT int32_t hbDNNGetModelNameList(char const ***modelNameList, int32_t *modelNameCount,
                                     hbPackedDNNHandle_t packedDNNHandle) {
  pthread_mutex_lock(&lock);
  pack *p = find_pack_locked(packedDNNHandle);
  pthread_mutex_unlock(&lock);
  if (p == NULL) return HB_DNN_INVALID_PACKED_DNN_HANDLE;
  if (modelNameList == NULL || modelNameCount == NULL) return HB_DNN_INVALID_ARGUMENT;
  int32_t rc = injected(p->models, p->n_models, "hbDNNGetModelNameList");
  if (rc != 0) return rc;
  *modelNameList = p->names;
  *modelNameCount = p->n_models;
  return 0;
}

EXPORT int32_t hbDNNGetModelHandle(hbDNNHandle_t *dnnHandle, hbPackedDNNHandle_t packedDNNHandle,
                                   char const *modelName) {
  pthread_mutex_lock(&lock);
  pack *p = find_pack_locked(packedDNNHandle);
  pthread_mutex_unlock(&lock);
  if (p == NULL) return HB_DNN_INVALID_PACKED_DNN_HANDLE;
  if (dnnHandle == NULL || modelName == NULL) return HB_DNN_INVALID_ARGUMENT;
  int32_t rc = injected(p->models, p->n_models, "hbDNNGetModelHandle");
  if (rc != 0) return rc;
  for (int i = 0; i < p->n_models; i++) {
    if (strcmp(p->models[i].name, modelName) == 0) {
      *dnnHandle = &p->models[i];
      return 0;
    }
  }
  return HB_DNN_INVALID_ARGUMENT;
}

/* Looks the model up, applies injected failures; returns 0 or a status. */
static int32_t enter(hbDNNHandle_t dnnHandle, const char *function, model **out) {
  *out = find_model(dnnHandle);
  if (*out == NULL) return HB_DNN_INVALID_DNN_HANDLE;
  return injected(*out, 1, function);
}

EXPORT int32_t hbDNNGetInputCount(int32_t *inputCount, hbDNNHandle_t dnnHandle) {
  model *m;
  int32_t rc = enter(dnnHandle, "hbDNNGetInputCount", &m);
  if (rc != 0) return rc;
  if (inputCount == NULL) return HB_DNN_INVALID_ARGUMENT;
  *inputCount = m->n_inputs;
  return 0;
}

EXPORT int32_t hbDNNGetOutputCount(int32_t *outputCount, hbDNNHandle_t dnnHandle) {
  model *m;
  int32_t rc = enter(dnnHandle, "hbDNNGetOutputCount", &m);
  if (rc != 0) return rc;
  if (outputCount == NULL) return HB_DNN_INVALID_ARGUMENT;
  *outputCount = m->n_outputs;
  return 0;
}

static int32_t tensor_at(hbDNNHandle_t dnnHandle, const char *function, int input, int32_t index,
                         tensor_desc **out) {
  model *m;
  int32_t rc = enter(dnnHandle, function, &m);
  if (rc != 0) return rc;
  int n = input ? m->n_inputs : m->n_outputs;
  if (index < 0 || index >= n) return HB_DNN_INVALID_ARGUMENT;
  *out = input ? &m->inputs[index] : &m->outputs[index];
  return 0;
}

EXPORT int32_t hbDNNGetInputName(char const **name, hbDNNHandle_t dnnHandle, int32_t inputIndex) {
  tensor_desc *t;
  int32_t rc = tensor_at(dnnHandle, "hbDNNGetInputName", 1, inputIndex, &t);
  if (rc == 0 && name == NULL) rc = HB_DNN_INVALID_ARGUMENT;
  if (rc == 0) *name = t->name;
  return rc;
}

EXPORT int32_t hbDNNGetOutputName(char const **name, hbDNNHandle_t dnnHandle, int32_t outputIndex) {
  tensor_desc *t;
  int32_t rc = tensor_at(dnnHandle, "hbDNNGetOutputName", 0, outputIndex, &t);
  if (rc == 0 && name == NULL) rc = HB_DNN_INVALID_ARGUMENT;
  if (rc == 0) *name = t->name;
  return rc;
}

EXPORT int32_t hbDNNGetInputTensorProperties(hbDNNTensorProperties *properties, hbDNNHandle_t dnnHandle,
                                             int32_t inputIndex) {
  tensor_desc *t;
  int32_t rc = tensor_at(dnnHandle, "hbDNNGetInputTensorProperties", 1, inputIndex, &t);
  if (rc == 0 && properties == NULL) rc = HB_DNN_INVALID_ARGUMENT;
  if (rc == 0) *properties = t->props;
  return rc;
}

EXPORT int32_t hbDNNGetOutputTensorProperties(hbDNNTensorProperties *properties, hbDNNHandle_t dnnHandle,
                                              int32_t outputIndex) {
  tensor_desc *t;
  int32_t rc = tensor_at(dnnHandle, "hbDNNGetOutputTensorProperties", 0, outputIndex, &t);
  if (rc == 0 && properties == NULL) rc = HB_DNN_INVALID_ARGUMENT;
  if (rc == 0) *properties = t->props;
  return rc;
}

/* ---------- compute ---------- */

/* Appends the valid bytes of one input (read from the device views) to buf. */
static long gather(const hbDNNTensorProperties *p, uint8_t *const planes[2], uint8_t *buf) {
  long n = 0;
  if (is_yuv420(p->tensorType)) {
    long h, w, ah, aw;
    image_hw(&p->validShape, p->tensorLayout, &h, &w);
    image_hw(&p->alignedShape, p->tensorLayout, &ah, &aw);
    for (long r = 0; r < h; r++, n += w) memcpy(buf + n, planes[0] + r * aw, (size_t)w);
    if (p->tensorType != HB_DNN_IMG_TYPE_Y) {
      const uint8_t *uv = p->tensorType == HB_DNN_IMG_TYPE_NV12_SEPARATE ? planes[1] : planes[0] + ah * aw;
      for (long r = 0; r < h / 2; r++, n += w) memcpy(buf + n, uv + r * aw, (size_t)w);
    }
    return n;
  }
  long strides[HB_DNN_TENSOR_MAX_DIMENSIONS];
  byte_strides(p, strides);
  int size = element_size(p->tensorType);
  long count = element_count(&p->validShape);
  for (long i = 0; i < count; i++, n += size) {
    memcpy(buf + n, planes[0] + element_offset(p, strides, i), (size_t)size);
  }
  return n;
}

static long valid_bytes(const hbDNNTensorProperties *p) {
  if (is_yuv420(p->tensorType)) {
    long h, w;
    image_hw(&p->validShape, p->tensorLayout, &h, &w);
    return p->tensorType == HB_DNN_IMG_TYPE_Y ? h * w : h * w + h / 2 * w;
  }
  return element_count(&p->validShape) * element_size(p->tensorType);
}

static double clampd(double v, double lo, double hi) { return v < lo ? lo : v > hi ? hi : v; }

/* IEEE half from float (round to nearest even), enough for test values. */
static uint16_t to_half(float f) {
  uint32_t x;
  memcpy(&x, &f, 4);
  uint32_t sign = (x >> 16) & 0x8000u;
  int32_t exp = (int32_t)((x >> 23) & 0xff) - 127 + 15;
  uint32_t mant = x & 0x7fffffu;
  if (exp <= 0) return (uint16_t)sign;
  if (exp >= 31) return (uint16_t)(sign | 0x7c00u);
  uint32_t half = sign | ((uint32_t)exp << 10) | (mant >> 13);
  uint32_t rest = mant & 0x1fffu;
  if (rest > 0x1000u || (rest == 0x1000u && (half & 1u))) half++;
  return (uint16_t)half;
}

/* Stores the real value v into one element: quantized per the tensor's quantization, then its type. */
static void store(const hbDNNTensorProperties *p, long index, double v, uint8_t *dst) {
  long k = 0;
  int32_t len = p->quantiType == SCALE ? p->scale.scaleLen : p->quantiType == SHIFT ? p->shift.shiftLen : 0;
  if (len > 1) {
    for (int d = p->validShape.numDimensions - 1; d > p->quantizeAxis; d--) index /= p->validShape.dimensionSize[d];
    k = index % p->validShape.dimensionSize[p->quantizeAxis];
  }
  double q = v;
  if (p->quantiType == SCALE) {
    double zero = p->scale.zeroPointLen == 0 ? 0 : p->scale.zeroPointData[p->scale.zeroPointLen == 1 ? 0 : k];
    q = v / p->scale.scaleData[k] + zero;
  } else if (p->quantiType == SHIFT) {
    q = v * (double)(1u << p->shift.shiftData[k]);
  }
  switch (p->tensorType) {
    case HB_DNN_TENSOR_TYPE_F32: { float f = (float)q; memcpy(dst, &f, 4); break; }
    case HB_DNN_TENSOR_TYPE_F64: memcpy(dst, &q, 8); break;
    case HB_DNN_TENSOR_TYPE_F16: { uint16_t h = to_half((float)q); memcpy(dst, &h, 2); break; }
    case HB_DNN_TENSOR_TYPE_S8: *(int8_t *)dst = (int8_t)clampd(nearbyint(q), -128, 127); break;
    case HB_DNN_TENSOR_TYPE_U8: *dst = (uint8_t)clampd(nearbyint(q), 0, 255); break;
    case HB_DNN_TENSOR_TYPE_S16: { int16_t s = (int16_t)clampd(nearbyint(q), -32768, 32767); memcpy(dst, &s, 2); break; }
    case HB_DNN_TENSOR_TYPE_U16: { uint16_t s = (uint16_t)clampd(nearbyint(q), 0, 65535); memcpy(dst, &s, 2); break; }
    case HB_DNN_TENSOR_TYPE_S32: { int32_t s = (int32_t)clampd(nearbyint(q), -2147483648.0, 2147483647.0); memcpy(dst, &s, 4); break; }
    case HB_DNN_TENSOR_TYPE_U32: { uint32_t s = (uint32_t)clampd(nearbyint(q), 0, 4294967295.0); memcpy(dst, &s, 4); break; }
    case HB_DNN_TENSOR_TYPE_S64: { int64_t s = (int64_t)nearbyint(q); memcpy(dst, &s, 8); break; }
    case HB_DNN_TENSOR_TYPE_U64: { uint64_t s = (uint64_t)clampd(nearbyint(q), 0, 1.8e19); memcpy(dst, &s, 8); break; }
    default: *dst = (uint8_t)clampd(nearbyint(q), 0, 255); break;
  }
}

static long rounded_mean(const uint8_t *data, long n, long step) {
  if (n <= 0) return 0;
  double sum = 0;
  for (long i = 0; i < n; i++) sum += data[i * step];
  return lround(sum / (double)n);
}

static void compute(const model *m, const hbDNNTensor *input, uint8_t *const in_dev[][2], uint8_t *const out_dev[]) {
  if (m->compute == COMPUTE_NONE) {
    store(&m->outputs[0].props, 0, in_dev[0][0][0], out_dev[0]);
    return;
  }
  long total = 0;
  for (int i = 0; i < m->n_inputs; i++) total += valid_bytes(&input[i].properties);
  uint8_t *stream = malloc((size_t)total + 1);
  long n = 0;
  for (int i = 0; i < m->n_inputs; i++) n += gather(&input[i].properties, in_dev[i], stream + n);
  long t = 0;
  if (m->compute == COMPUTE_SCORES && m->n_inputs > 0) {
    const hbDNNTensorProperties *p = &input[0].properties;
    if (is_yuv420(p->tensorType)) {
      long h, w;
      image_hw(&p->validShape, p->tensorLayout, &h, &w);
      t = rounded_mean(stream, h * w, 1);
      if (p->tensorType != HB_DNN_IMG_TYPE_Y) {
        t += 2 * rounded_mean(stream + h * w, h / 2 * w / 2, 2) + 3 * rounded_mean(stream + h * w + 1, h / 2 * w / 2, 2);
      }
    } else {
      t = rounded_mean(stream, valid_bytes(p), 1);
    }
  }
  for (int o = 0; o < m->n_outputs; o++) {
    const hbDNNTensorProperties *p = &m->outputs[o].props;
    long strides[HB_DNN_TENSOR_MAX_DIMENSIONS];
    byte_strides(p, strides);
    long count = element_count(&p->validShape);
    memset(out_dev[o], 0x7f, (size_t)p->alignedByteSize); /* padding must never be read */
    for (long i = 0; i < count; i++) {
      double v = m->compute == COMPUTE_ECHO ? (i < n ? stream[i] : 0) : -labs(i - t % count);
      store(p, i, v, out_dev[o] + element_offset(p, strides, i));
    }
  }
  free(stream);
}

static int same_shape(const hbDNNTensorShape *a, const hbDNNTensorShape *b) {
  if (a->numDimensions != b->numDimensions) return 0;
  for (int d = 0; d < a->numDimensions; d++) {
    if (a->dimensionSize[d] != b->dimensionSize[d]) return 0;
  }
  return 1;
}

EXPORT int32_t hbDNNInfer(hbDNNTaskHandle_t *taskHandle, hbDNNTensor **output, hbDNNTensor const *input,
                          hbDNNHandle_t dnnHandle, hbDNNInferCtrlParam *inferCtrlParam) {
  model *m;
  int32_t rc = enter(dnnHandle, "hbDNNInfer", &m);
  if (rc != 0) return rc;
  if (taskHandle == NULL || output == NULL || *output == NULL || input == NULL || inferCtrlParam == NULL) {
    return HB_DNN_INVALID_ARGUMENT;
  }
  if (*taskHandle != NULL) {
    return HB_DNN_API_USE_ERROR; /* the documented contract: set it to NULL before each call */
  }
  uint8_t *in_dev[MAX_TENSORS][2] = {{0}};
  uint8_t *out_dev[MAX_TENSORS] = {0};
  memrec *to_mark[MAX_TENSORS * 2];
  int n_mark = 0;
  pthread_mutex_lock(&lock);
  if (n_live_tasks >= MAX_LIVE_TASKS) {
    rc = HB_DNN_TASK_NUM_EXCEED_LIMIT;
  }
  for (int i = 0; i < m->n_inputs && rc == 0; i++) {
    const hbDNNTensorProperties *want = &m->inputs[i].props, *got = &input[i].properties;
    int nv12_pair = want->tensorType == HB_DNN_IMG_TYPE_NV12 && got->tensorType == HB_DNN_IMG_TYPE_NV12_SEPARATE;
    if ((got->tensorType != want->tensorType && !nv12_pair) || !same_shape(&got->validShape, &want->validShape)) {
      rc = HB_DNN_INVALID_ARGUMENT;
      break;
    }
    long sizes[2];
    int planes = plane_sizes(got, sizes);
    for (int k = 0; k < planes && rc == 0; k++) {
      memrec *r = find_mem_locked(input[i].sysMem[k].virAddr);
      if (r == NULL || input[i].sysMem[k].memSize < sizes[k] || r->size < input[i].sysMem[k].memSize) {
        rc = HB_DNN_INVALID_ARGUMENT;
      } else if (!r->cleaned) {
        rc = STANDIN_INPUT_NOT_CLEANED;
      } else {
        in_dev[i][k] = r->dev;
        to_mark[n_mark++] = r;
      }
    }
  }
  for (int o = 0; o < m->n_outputs && rc == 0; o++) {
    const hbDNNTensor *out = &(*output)[o];
    memrec *r = find_mem_locked(out->sysMem[0].virAddr);
    if (r == NULL || out->sysMem[0].memSize < (uint32_t)m->outputs[o].props.alignedByteSize || r->size < out->sysMem[0].memSize) {
      rc = HB_DNN_INVALID_ARGUMENT;
    } else {
      out_dev[o] = r->dev;
    }
  }
  task *t = NULL;
  if (rc == 0) {
    for (int k = 0; k < n_mark; k++) to_mark[k]->cleaned = 0;
    t = calloc(1, sizeof(task));
    t->magic = TASK_MAGIC;
    t->m = m;
    clock_gettime(CLOCK_MONOTONIC, &t->done_at);
    long ns = t->done_at.tv_nsec + m->delay_us * 1000;
    t->done_at.tv_sec += ns / 1000000000L;
    t->done_at.tv_nsec = ns % 1000000000L;
    t->next = live_tasks;
    live_tasks = t;
    n_live_tasks++;
    n_infer++;
  }
  pthread_mutex_unlock(&lock);
  if (rc != 0) return rc;
  if (!m->hang) compute(m, input, in_dev, out_dev);
  *taskHandle = t;
  return 0;
}

static task *find_task_locked(void *handle) {
  for (task *t = live_tasks; t != NULL; t = t->next) {
    if (t == handle) return t;
  }
  return NULL;
}

static void sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  nanosleep(&ts, NULL);
}

EXPORT int32_t hbDNNWaitTaskDone(hbDNNTaskHandle_t taskHandle, int32_t timeout) {
  pthread_mutex_lock(&lock);
  task *t = find_task_locked(taskHandle);
  model *m = t == NULL ? NULL : t->m;
  struct timespec done_at = t == NULL ? (struct timespec){0, 0} : t->done_at;
  pthread_mutex_unlock(&lock);
  if (t == NULL) return HB_DNN_INVALID_TASK_HANDLE;
  int32_t rc = injected(m, 1, "hbDNNWaitTaskDone");
  if (rc != 0) return rc;
  if (m->hang) {
    sleep_ms(timeout > 0 ? timeout : HANG_CAP_MS);
    return HB_DNN_TIMEOUT;
  }
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  long remaining_us = (done_at.tv_sec - now.tv_sec) * 1000000L + (done_at.tv_nsec - now.tv_nsec) / 1000;
  if (remaining_us <= 0) return 0;
  if (timeout > 0 && remaining_us > timeout * 1000L) {
    sleep_ms(timeout);
    return HB_DNN_TIMEOUT;
  }
  struct timespec ts = {remaining_us / 1000000L, (remaining_us % 1000000L) * 1000L};
  nanosleep(&ts, NULL);
  return 0;
}

EXPORT int32_t hbDNNReleaseTask(hbDNNTaskHandle_t taskHandle) {
  pthread_mutex_lock(&lock);
  task *t = find_task_locked(taskHandle);
  pthread_mutex_unlock(&lock);
  if (t == NULL) return HB_DNN_INVALID_TASK_HANDLE;
  int32_t rc = injected(t->m, 1, "hbDNNReleaseTask");
  if (rc != 0) return rc;
  pthread_mutex_lock(&lock);
  for (task **link = &live_tasks; *link != NULL; link = &(*link)->next) {
    if (*link == t) {
      *link = t->next;
      n_live_tasks--;
      break;
    }
  }
  pthread_mutex_unlock(&lock);
  free(t);
  return 0;
}

/* ---------- memory ---------- */

static int32_t alloc_mem(hbSysMem *mem, uint32_t size, const char *function) {
  if (mem == NULL || size == 0) return HB_SYS_INVALID_ARGUMENT;
  int32_t rc = injected(NULL, 0, function);
  if (rc != 0) return rc;
  size_t rounded = ((size_t)size + 63) / 64 * 64;
  memrec *r = calloc(1, sizeof(memrec));
  r->cpu = aligned_alloc(64, rounded);
  r->dev = aligned_alloc(64, rounded);
  if (r->cpu == NULL || r->dev == NULL) {
    free(r->cpu);
    free(r->dev);
    free(r);
    return HB_SYS_OUT_OF_MEMORY;
  }
  memset(r->cpu, 0, rounded);
  memset(r->dev, 0, rounded);
  r->size = size;
  pthread_mutex_lock(&lock);
  r->next = live_mems;
  live_mems = r;
  n_live_mems++;
  pthread_mutex_unlock(&lock);
  mem->virAddr = r->cpu;
  mem->phyAddr = (uint64_t)(uintptr_t)r->dev; /* a stand-in "physical" address */
  mem->memSize = size;
  return 0;
}

EXPORT int32_t hbSysAllocMem(hbSysMem *mem, uint32_t size) { return alloc_mem(mem, size, "hbSysAllocMem"); }

EXPORT int32_t hbSysAllocCachedMem(hbSysMem *mem, uint32_t size) {
  return alloc_mem(mem, size, "hbSysAllocCachedMem");
}

EXPORT int32_t hbSysFlushMem(hbSysMem *mem, int32_t flag) {
  if (mem == NULL) return HB_SYS_INVALID_ARGUMENT;
  int32_t rc = injected(NULL, 0, "hbSysFlushMem");
  if (rc != 0) return rc;
  memrec *r = find_mem(mem->virAddr);
  if (r == NULL) return HB_SYS_INVALID_ARGUMENT;
  if (flag == HB_SYS_MEM_CACHE_CLEAN) {
    memcpy(r->dev, r->cpu, r->size);
    pthread_mutex_lock(&lock);
    r->cleaned = 1;
    n_clean++;
    pthread_mutex_unlock(&lock);
  } else if (flag == HB_SYS_MEM_CACHE_INVALIDATE) {
    memcpy(r->cpu, r->dev, r->size);
    pthread_mutex_lock(&lock);
    n_invalidate++;
    pthread_mutex_unlock(&lock);
  } else {
    return HB_SYS_INVALID_ARGUMENT;
  }
  return 0;
}

EXPORT int32_t hbSysWriteMem(hbSysMem *dest, char *src, uint32_t size) {
  memrec *r = dest == NULL ? NULL : find_mem(dest->virAddr);
  if (r == NULL || src == NULL || size > r->size) return HB_SYS_INVALID_ARGUMENT;
  memcpy(r->cpu, src, size);
  memcpy(r->dev, src, size);
  return 0;
}

EXPORT int32_t hbSysReadMem(char *dest, hbSysMem *src, uint32_t size) {
  memrec *r = src == NULL ? NULL : find_mem(src->virAddr);
  if (r == NULL || dest == NULL || size > r->size) return HB_SYS_INVALID_ARGUMENT;
  memcpy(dest, r->dev, size);
  return 0;
}

EXPORT int32_t hbSysFreeMem(hbSysMem *mem) {
  if (mem == NULL) return HB_SYS_INVALID_ARGUMENT;
  int32_t rc = injected(NULL, 0, "hbSysFreeMem");
  if (rc != 0) return rc;
  pthread_mutex_lock(&lock);
  memrec *found = NULL;
  for (memrec **link = &live_mems; *link != NULL; link = &(*link)->next) {
    if ((*link)->cpu == mem->virAddr) {
      found = *link;
      *link = found->next;
      n_live_mems--;
      break;
    }
  }
  pthread_mutex_unlock(&lock);
  if (found == NULL) return HB_SYS_INVALID_ARGUMENT;
  free(found->cpu);
  free(found->dev);
  free(found);
  return 0;
}

/* ---------- error descriptions ---------- */

#ifndef STANDIN_WITHOUT_ERROR_DESC
EXPORT char const *hbDNNGetErrorDesc(int32_t errorCode) {
  switch (errorCode) {
    case HB_DNN_SUCCESS: return "success";
    case HB_DNN_INVALID_ARGUMENT: return "stand-in: invalid argument";
    case HB_DNN_INVALID_MODEL: return "stand-in: invalid model description";
    case HB_DNN_MODEL_NUMBER_EXCEED_LIMIT: return "stand-in: too many models";
    case HB_DNN_INVALID_PACKED_DNN_HANDLE: return "stand-in: invalid packed dnn handle";
    case HB_DNN_INVALID_DNN_HANDLE: return "stand-in: invalid dnn handle";
    case HB_DNN_CAN_NOT_OPEN_FILE: return "stand-in: can not open file";
    case HB_DNN_OUT_OF_MEMORY: return "stand-in: out of memory";
    case HB_DNN_TIMEOUT: return "stand-in: timeout";
    case HB_DNN_TASK_NUM_EXCEED_LIMIT: return "stand-in: more than 32 live tasks";
    case HB_DNN_TASK_BATCH_SIZE_EXCEED_LIMIT: return "stand-in: task batch size exceeds the limit";
    case HB_DNN_INVALID_TASK_HANDLE: return "stand-in: invalid task handle";
    case HB_DNN_RUN_TASK_FAILED: return "stand-in: run task failed";
    case HB_DNN_MODEL_IS_RUNNING: return "stand-in: model is running";
    case HB_DNN_INCOMPATIBLE_MODEL: return "stand-in: incompatible model";
    case HB_DNN_API_USE_ERROR: return "stand-in: api use error";
    case HB_DNN_MULTI_PROGRESS_USE_ERROR: return "stand-in: multi process use error";
    case HB_SYS_INVALID_ARGUMENT: return "stand-in: sys invalid argument";
    case HB_SYS_OUT_OF_MEMORY: return "stand-in: sys out of memory";
    case HB_SYS_REGISTER_MEM_FAILED: return "stand-in: sys register mem failed";
    case STANDIN_INPUT_NOT_CLEANED:
      return "stand-in: an input hbSysMem was not flushed with HB_SYS_MEM_CACHE_CLEAN since it was last "
             "used; the BPU would read stale data";
    default: return "stand-in: unknown error code";
  }
}
#endif

/* ---------- test hooks (not part of libdnn) ---------- */

/* Live hbSysMem blocks + packed handles + tasks: back to its baseline when nothing leaks. */
EXPORT int32_t standin_live_allocations(void) {
  pthread_mutex_lock(&lock);
  int32_t n = n_live_mems + n_live_packs + n_live_tasks;
  pthread_mutex_unlock(&lock);
  return n;
}

/* Live allocations of one kind: "mem", "pack" or "task" (-1 for another name). */
EXPORT int32_t standin_live(char const *kind) {
  pthread_mutex_lock(&lock);
  int32_t n = strcmp(kind, "mem") == 0 ? n_live_mems : strcmp(kind, "pack") == 0 ? n_live_packs
              : strcmp(kind, "task") == 0 ? n_live_tasks : -1;
  pthread_mutex_unlock(&lock);
  return n;
}

/* How many hbSysFlushMem calls succeeded with this flag, and how many tasks were started. */
EXPORT int64_t standin_flush_count(int32_t flag) {
  pthread_mutex_lock(&lock);
  int64_t n = flag == HB_SYS_MEM_CACHE_CLEAN ? n_clean : flag == HB_SYS_MEM_CACHE_INVALIDATE ? n_invalidate : -1;
  pthread_mutex_unlock(&lock);
  return n;
}

EXPORT int64_t standin_infer_count(void) {
  pthread_mutex_lock(&lock);
  int64_t n = n_infer;
  pthread_mutex_unlock(&lock);
  return n;
}

/* Makes FUNCTION return CODE after `after` successful calls, `times` times (< 0: always). */
EXPORT int32_t standin_inject(char const *function, int32_t code, int32_t after, int32_t times) {
  pthread_mutex_lock(&lock);
  int32_t rc = add_rule(global_rules, &n_global_rules, function, code, after, times);
  pthread_mutex_unlock(&lock);
  return rc;
}

/* Forgets the failures injected by standin_inject and RDKZOO_STANDIN_FAIL. */
EXPORT void standin_clear_injections(void) {
  pthread_mutex_lock(&lock);
  n_global_rules = 0;
  pthread_mutex_unlock(&lock);
}
