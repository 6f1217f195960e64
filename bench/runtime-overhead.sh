#!/usr/bin/env bash
# What rdkzoo's Java path costs per inference over C, with the libdnn STAND-IN (not the BPU).
#
# A C driver (bench/runtime_overhead_driver.c) and rdkzoo's InferenceSession run the same loop in the same
# process against the same stand-in library: copy a 224x224 NV12 input into its buffer (row by row when
# padded), flush CLEAN, hbDNNInfer, wait, release, flush INVALIDATE, read the 1000 F32 outputs. The stand-in's "compute"
# is off (compute none), so what is left is the cost of the calls, the copies and the flushes; the
# difference between the two is the Java overhead. Rounds alternate C and Java; medians are reported.
# Target: at most 20 us per inference (under 1% of EfficientNet-B2's 3.3 ms on the BPU).
#
# Usage: bench/runtime-overhead.sh [ROUNDS [ITERATIONS]]      (defaults 7 and 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-7}
ITERATIONS=${2:-20000}
OUT=bench/out
mkdir -p "$OUT"

command -v gcc >/dev/null || { echo "runtime-overhead: gcc is required" >&2; exit 1; }
echo "runtime-overhead: building the runtime and the stand-in (mvn -pl runtime -am test-compile)" >&2
mvn -B -q -pl runtime -am test-compile >&2

JNA_VERSION=$(sed -n 's:.*<jna.version>\(.*\)</jna.version>.*:\1:p' pom.xml)
JNA_JAR=${MAVEN_REPO:-$HOME/.m2/repository}/net/java/dev/jna/jna/$JNA_VERSION/jna-$JNA_VERSION.jar
[ -f "$JNA_JAR" ] || { echo "runtime-overhead: $JNA_JAR not found (set MAVEN_REPO to the local repository)" >&2; exit 1; }

gcc -shared -fPIC -O2 -Wall -I runtime/src/test/c/include -o "$OUT/libruntime_overhead_driver.so" \
    bench/runtime_overhead_driver.c -ldl

# EfficientNet-B2's interface on the X5 (NV12 224x224 in, F32 1000 scores out), as a stand-in description.
cat > "$OUT/efficientnet_b2_standin.bin" <<'MODEL'
# libdnn stand-in model description (not a real .bin)
model efficientnet_b2_standin
  input data NV12 NCHW valid=1x3x224x224
  output logits F32 NCHW valid=1x1000x1x1
  compute none
MODEL

java -cp "runtime/target/classes:$JNA_JAR" bench/RuntimeOverhead.java \
    runtime/target/libdnn_standin.so "$OUT/libruntime_overhead_driver.so" "$OUT/efficientnet_b2_standin.bin" \
    "$ROUNDS" "$ITERATIONS"
