/*
 * rdkzoo's transcription of the X5 libdnn header hb_sys.h (memory API), written from the documented
 * declarations (rdk_doc 02_cdev_dnn_api, X5 layout). Used by the libdnn stand-in and the layout probe in
 * tests; on a board, compile against the real /usr/include/dnn headers instead.
 */
#ifndef RDKZOO_TRANSCRIBED_HB_SYS_H_
#define RDKZOO_TRANSCRIBED_HB_SYS_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
  HB_BPU_CORE_ANY = 0,
  HB_BPU_CORE_0 = 1,
  HB_BPU_CORE_1 = 2
} hbBPUCore;

typedef enum {
  HB_DSP_CORE_ANY = 0,
  HB_DSP_CORE_0 = 1,
  HB_DSP_CORE_1 = 2
} hbDSPCore;

/* One block of memory shared by the CPU (virAddr) and the BPU (phyAddr). */
typedef struct {
  uint64_t phyAddr;
  void *virAddr;
  uint32_t memSize;
} hbSysMem;

typedef enum {
  HB_SYS_MEM_CACHE_INVALIDATE = 1, /* before the CPU reads what the BPU wrote */
  HB_SYS_MEM_CACHE_CLEAN = 2       /* after the CPU wrote what the BPU will read */
} hbSysMemFlushFlag;

int32_t hbSysAllocMem(hbSysMem *mem, uint32_t size);
int32_t hbSysAllocCachedMem(hbSysMem *mem, uint32_t size);
int32_t hbSysFlushMem(hbSysMem *mem, int32_t flag);
int32_t hbSysWriteMem(hbSysMem *dest, char *src, uint32_t size);
int32_t hbSysReadMem(char *dest, hbSysMem *src, uint32_t size);
int32_t hbSysFreeMem(hbSysMem *mem);

#ifdef __cplusplus
}
#endif

#endif /* RDKZOO_TRANSCRIBED_HB_SYS_H_ */
