package org.rdkzoo.runtime;

import java.util.Optional;

/**
 * The documented libdnn status codes ({@code hb_dnn_status.h}; rdk_doc {@code 02_cdev_dnn_api/model_debug.md}),
 * with a short description of each for libdnn builds that lack {@code hbDNNGetErrorDesc}.
 */
public enum HbDnnStatus {
    HB_DNN_SUCCESS(0, "success"),
    HB_DNN_INVALID_ARGUMENT(-6000001, "invalid argument"),
    HB_DNN_INVALID_MODEL(-6000002, "invalid model file"),
    HB_DNN_MODEL_NUMBER_EXCEED_LIMIT(-6000003, "too many models"),
    HB_DNN_INVALID_PACKED_DNN_HANDLE(-6000004, "invalid packed model handle"),
    HB_DNN_INVALID_DNN_HANDLE(-6000005, "invalid model handle"),
    HB_DNN_CAN_NOT_OPEN_FILE(-6000006, "cannot open the model file"),
    HB_DNN_OUT_OF_MEMORY(-6000007, "out of memory"),
    HB_DNN_TIMEOUT(-6000008, "timed out"),
    HB_DNN_TASK_NUM_EXCEED_LIMIT(-6000009, "too many tasks at once (at most 32)"),
    HB_DNN_TASK_BATCH_SIZE_EXCEED_LIMIT(-6000010, "task batch too large"),
    HB_DNN_INVALID_TASK_HANDLE(-6000011, "invalid task handle"),
    HB_DNN_RUN_TASK_FAILED(-6000012, "the task failed to run"),
    HB_DNN_MODEL_IS_RUNNING(-6000013, "the model is running"),
    HB_DNN_INCOMPATIBLE_MODEL(-6000014, "the model was built for another BPU or runtime version"),
    HB_DNN_API_USE_ERROR(-6000015, "API used out of order"),
    HB_DNN_MULTI_PROGRESS_USE_ERROR(-6000016, "used from several processes"),
    HB_SYS_INVALID_ARGUMENT(-6000129, "invalid memory argument"),
    HB_SYS_OUT_OF_MEMORY(-6000130, "out of BPU memory"),
    HB_SYS_REGISTER_MEM_FAILED(-6000131, "memory registration failed");

    private final int code;
    private final String description;

    HbDnnStatus(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** The {@code int32_t} value libdnn returns. */
    public int code() {
        return code;
    }

    /** rdkzoo's short description of the code. */
    public String description() {
        return description;
    }

    /** The documented status with this code, if there is one. */
    public static Optional<HbDnnStatus> of(int code) {
        for (HbDnnStatus status : values()) {
            if (status.code == code) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** The header name of a code, or {@code UNKNOWN} for codes the documentation does not list. */
    public static String nameOf(int code) {
        return of(code).map(Enum::name).orElse("UNKNOWN");
    }
}
