#!/usr/bin/env bash
# bench/sim.sh: what does the int8 simulation cost, and what does it predict?
#
# Speed, in one run with alternating rounds, same images, same threads: `rdkzoo sim` (calibration on the
# calibration set, the per-layer table, then the simulated evaluation) against `rdkzoo eval` of the float
# model on the 1,300 validation images. Target: sim <= 2x eval. Two ratios are printed: whole processes
# (what a user waits for: JVM start, model loading, calibration included) and the evaluation pipelines alone
# (the results files' provenance start..finish: the simulated model against the float one, image for image).
# The spread of the float runs across rounds is the machine's noise.
#
# Accuracy: the float Top-1 and the simulated Top-1 of MobileNet v1 0.25 on the same 1,300 images for each
# calibration method (max, percentile 0.99995, kl, mix; per-channel weights on and off) and hb_mapper's
# default search (which searches per-channel itself), with `rdkzoo compare`'s paired delta, its 95% interval
# and McNemar's exact p. Calibration: CALIB images of imagenet-sample-images through `rdkzoo mapper calib`
# (other images than the evaluation set).
#
# B2 size: the same speed comparison, one round, on the generated EfficientNet-B2-shaped graph (timm layout,
# 9.1 M parameters, seeded random weights: its accuracy means nothing, its cost does) with the zoo's six int16
# nodes, on B2_IMAGES validation images (B2_IMAGES=0 skips it).
#
# Usage: bench/sim.sh [ROUNDS]   (env: THREADS=2 CALIB=100 ASSETS=../shared/assets B2_IMAGES=200
#                                  METHODS='max percentile kl mix default' (empty: none) SPEED_METHOD=max)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$root/cli/target/rdkzoo.jar"
assets="${ASSETS:-$root/../shared/assets}"
rounds="${1:-3}"
threads="${THREADS:-2}"
calib_count="${CALIB:-100}"
methods="${METHODS-max percentile kl mix default}"
speed_method="${SPEED_METHOD:-max}"
b2_images="${B2_IMAGES:-200}"
model="$assets/models/mobilenet_v1_0.25_224_keras_fp32.onnx"
data="$assets/images/ilsvrc2012-val-1300"
calib_images="$assets/images/imagenet-sample-images"
[[ -f "$jar" ]] || { echo "build first: mvn -B -DskipTests package" >&2; exit 5; }
[[ -f "$model" && -d "$data" && -d "$calib_images" ]] || { echo "assets not found under $assets" >&2; exit 5; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export RDKZOO_HOME="$work/home"
norm=(--mean 127.5 --scale 1/127.5)
rdkzoo() { "$root/rdkzoo" "$@"; }

# Pipeline seconds of a results file: provenance.finished - provenance.started.
pipeline_seconds() {
  python3 -c 'import json,sys,datetime as d
p=json.load(open(sys.argv[1]))["provenance"]
f=lambda s: d.datetime.fromisoformat(s.replace("Z","+00:00"))
print("%.3f" % (f(p["finished"])-f(p["started"])).total_seconds())' "$1"
}

timed() { # runs "$@", prints the wall seconds
  local t0 t1
  t0=$(date +%s.%N)
  "$@" > /dev/null
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}

float_run() { timed rdkzoo eval --quiet --model "$model" --data "$data" "${norm[@]}" --threads "$threads" --restart --out "$1"; }
sim_run() { # $1 results, then extra sim options
  local out="$1"; shift
  timed rdkzoo sim --quiet --model "$model" --calib "$work/calib" "${norm[@]}" --data "$data" --threads "$threads" \
    --restart --out "$out" "$@"
}

echo "rdkzoo sim vs rdkzoo eval: $(basename "$model"), $(basename "$data"), threads $threads, $rounds rounds"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
rdkzoo mapper calib --images "$calib_images" --out "$work/calib" --count "$calib_count" -q > /dev/null
echo "calibration: $calib_count images of $(basename "$calib_images") through mapper calib"
echo
echo "speed (sim: --calibration $speed_method --per-channel)"
printf '%-6s %10s %10s %8s %12s %12s %8s\n' round float_s sim_s ratio float_eval_s sim_eval_s ratio
f_all=(); s_all=(); r_all=(); fe_all=(); se_all=(); re_all=()
for r in $(seq 1 "$rounds"); do
  if (( r % 2 )); then
    f=$(float_run "$work/float.json"); s=$(sim_run "$work/sim.json" --calibration "$speed_method" --per-channel)
  else
    s=$(sim_run "$work/sim.json" --calibration "$speed_method" --per-channel); f=$(float_run "$work/float.json")
  fi
  fe=$(pipeline_seconds "$work/float.json"); se=$(pipeline_seconds "$work/sim.json")
  f_all+=("$f"); s_all+=("$s"); r_all+=("$(echo "$s / $f" | bc -l)")
  fe_all+=("$fe"); se_all+=("$se"); re_all+=("$(echo "$se / $fe" | bc -l)")
  printf '%-6s %10.2f %10.2f %8.2f %12.2f %12.2f %8.2f\n' "$r" "$f" "$s" "$(echo "$s / $f" | bc -l)" "$fe" "$se" \
    "$(echo "$se / $fe" | bc -l)"
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
spread() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {printf "%.1f%%", 100 * (v[NR] - v[1]) / v[1]}'; }
printf '%-6s %10.2f %10.2f %8.2f %12.2f %12.2f %8.2f\n' median "$(median "${f_all[@]}")" "$(median "${s_all[@]}")" \
  "$(median "${r_all[@]}")" "$(median "${fe_all[@]}")" "$(median "${se_all[@]}")" "$(median "${re_all[@]}")"
echo "noise: float process times spread $(spread "${f_all[@]}") (max-min over min), float pipeline $(spread "${fe_all[@]}")"
echo "target: sim process <= 2x float process"

if [[ -n "$methods" ]]; then
echo
echo "accuracy on all $(ls "$data"/data | wc -l) images (A = float, B = simulated; delta in points, paired 95% CI)"
float_run "$work/float.json" > /dev/null
printf '%-22s %-12s %8s %8s %8s %20s %10s  %s\n' method per_channel float sim delta "95% CI" McNemar_p "selected"
for m in $methods; do
  for pc in --no-per-channel --per-channel; do
    if [[ "$m" == default ]]; then
      [[ "$pc" == --per-channel ]] && continue
      opts=(--calibration default); label="default"; pcl="searched"
    elif [[ "$m" == percentile ]]; then
      opts=(--calibration percentile --max-percentile 0.99995 "$pc"); label="percentile 0.99995"; pcl="${pc#--}"
    else
      opts=(--calibration "$m" "$pc"); label="$m"; pcl="${pc#--}"
    fi
    sim_run "$work/acc.json" "${opts[@]}" --report "$work/acc-report.json" > /dev/null
    rdkzoo compare "$work/float.json" "$work/acc.json" --format json --out "$work/cmp.json" > /dev/null 2>&1 || true
    python3 - "$work/cmp.json" "$work/acc-report.json" "$label" "$pcl" <<'EOF'
import json, sys
c = json.load(open(sys.argv[1]))["top1"]
r = json.load(open(sys.argv[2]))
sel = r["search"]["selection"] if r.get("search") else ""
d = c["delta"]
print("%-22s %-12s %8.2f %8.2f %+8.2f %20s %10.4f  %s" % (sys.argv[3], sys.argv[4], 100 * c["a"]["value"],
      100 * c["b"]["value"], 100 * d["value"], "%+.2f to %+.2f" % (100 * d["interval"]["lower"],
      100 * d["interval"]["upper"]), c["mcnemar"]["pValue"], sel))
EOF
  done
done
fi

(( b2_images > 0 )) || exit 0
echo
b2="$work/efficientnet_b2.onnx"
java -cp "$jar:$root/evaluator/target/test-classes" org.rdkzoo.evaluator.onnx.testing.EfficientNetGraphs b2 "$b2"
rdkzoo mapper calib --images "$calib_images" --out "$work/calib-b2" --count "$calib_count" -q > /dev/null
int16=/blocks/blocks.5/blocks.5.0/conv_pwl/Conv,/blocks/blocks.0/blocks.0.0/conv_dw/Conv,/blocks/blocks.6/blocks.6.0/conv_pwl/Conv
int16=$int16,/blocks/blocks.6/blocks.6.0/se/Mul,/blocks/blocks.6/blocks.6.0/se/ReduceMean,/blocks/blocks.6/blocks.6.0/conv_dw/Conv
echo "B2 size: generated efficientnet_b2.onnx ($(du -h "$b2" | cut -f1)), $b2_images images, sim --calibration $speed_method --per-channel, the zoo's 6 int16 nodes"
b2f=$(timed rdkzoo eval --quiet --model "$b2" --data "$data" --limit "$b2_images" --threads "$threads" --out "$work/b2f.json")
b2s=$(timed rdkzoo sim --quiet --model "$b2" --calib "$work/calib-b2" --data "$data" --limit "$b2_images" \
  --threads "$threads" --calibration "$speed_method" --per-channel --int16 "$int16" --report "$work/b2r.json" --out "$work/b2s.json")
printf '%-6s %10s %10s %8s %12s %12s %8s\n' model float_s sim_s ratio float_eval_s sim_eval_s ratio
fe=$(pipeline_seconds "$work/b2f.json"); se=$(pipeline_seconds "$work/b2s.json")
printf '%-6s %10.2f %10.2f %8.2f %12.2f %12.2f %8.2f\n' b2 "$b2f" "$b2s" "$(echo "$b2s / $b2f" | bc -l)" "$fe" "$se" \
  "$(echo "$se / $fe" | bc -l)"
python3 - "$work/b2r.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
t = r["table"]
int16 = [l for l in t["layers"] if l["dataType"] == "int16"]
print("B2: %d quantized nodes, %d weights; output cosine %.6f; %d int16 rows in the table" % (
    r["model"]["quantizedNodes"], r["model"]["weights"], t["outputs"][0]["cosine"], len(int16)))
EOF
