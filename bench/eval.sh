#!/usr/bin/env bash
# bench/eval.sh: is `rdkzoo eval` a pipeline, and is its memory flat?
#
# Speed, in one run with alternating rounds, same threads: the end-to-end pipeline time of
#   `rdkzoo eval` (read -> decode+preprocess on THREADS threads -> infer in batches of BATCH)
# against its two halves measured apart (bench/EvalStages.java, same classes, same settings):
#   (a) inference alone, on tensors decoded and preprocessed beforehand;
#   (b) decoding and preprocessing alone, no inference.
# Target: eval <= (a) + (b); less where the halves overlap. The eval time is the pipeline's own (the results
# file's provenance start..finish), like the halves' timers: JVM start and model loading are left out of all three
# (the whole process time of eval is printed too).
#
# Memory: the same 1,000 images listed ten times (10,000 ids, symbolic links) against once; peak RSS
# (/usr/bin/time max RSS) may not grow by more than 10%. Twenty times against ten shows whether what grows
# grows with the dataset or levels off (a longer run compiles more code and settles its heap). Measured with
# each JVM setting of MEM_JVM_OPTS (';'-separated; "default" is the launcher's: serial collector,
# SurvivorRatio=3), e.g. MEM_JVM_OPTS='default;-Xmx128m;-Xms128m -Xmx128m -XX:+AlwaysPreTouch'.
#
# Usage: bench/eval.sh [ROUNDS]   (env: THREADS=2 BATCH=8 MEM_ROUNDS=3 ASSETS=../shared/assets
#                                  MEM_JVM_OPTS=default)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
jar="$root/cli/target/rdkzoo.jar"
assets="${ASSETS:-$root/../shared/assets}"
rounds="${1:-5}"
threads="${THREADS:-2}"
batch="${BATCH:-8}"
mem_rounds="${MEM_ROUNDS:-3}"
mem_jvm_opts="${MEM_JVM_OPTS:-default}"
model="$assets/models/mobilenet_v1_0.25_224_keras_fp32.onnx"
data="$assets/images/imagenet-sample-images"
[[ -f "$jar" ]] || { echo "build first: mvn -B -DskipTests package" >&2; exit 5; }
[[ -f "$model" && -d "$data" ]] || { echo "assets not found under $assets" >&2; exit 5; }
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time is needed (apt-get install time)" >&2; exit 5; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export RDKZOO_HOME="$work/home"
norm=(--mean 127.5 --scale 1/127.5)

# Pipeline seconds of a results file: provenance.finished - provenance.started.
pipeline_seconds() {
  python3 -c 'import json,sys,datetime as d
p=json.load(open(sys.argv[1]))["provenance"]
f=lambda s: d.datetime.fromisoformat(s.replace("Z","+00:00"))
print("%.3f" % (f(p["finished"])-f(p["started"])).total_seconds())' "$1"
}

eval_run() { # $1 data, $2 results file, [$3 JVM options]; prints "pipeline_s process_s max_rss_kb"
  local t0 t1 rss
  t0=$(date +%s.%N)
  # Through the launcher, with its JVM options (the serial collector); extra options via RDKZOO_JAVA_OPTS.
  RDKZOO_JAVA_OPTS="${3:-}" /usr/bin/time -f "%M" -o "$work/time.txt" "$root/rdkzoo" eval --quiet --model "$model" --data "$1" "${norm[@]}" \
    --threads "$threads" --batch "$batch" --restart --out "$2" > /dev/null
  t1=$(date +%s.%N)
  rss=$(tail -1 "$work/time.txt")
  echo "$(pipeline_seconds "$2") $(echo "$t1 - $t0" | bc) $rss"
}

stage() { # $1 decode|infer; prints seconds
  java -XX:+UseSerialGC -Xmx3g -cp "$jar" "$here/EvalStages.java" "$1" "$model" "$data" "$threads" "$batch" 127.5 127.5 | awk '{print $4}'
}

echo "eval pipeline vs its halves: $(basename "$model"), $(basename "$data"), threads $threads, batch $batch, $rounds rounds"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %10s %10s %10s %10s %10s %8s\n' round eval_s a_infer_s b_decode_s a+b_s process_s ratio
e2e_all=(); a_all=(); b_all=(); ratio_all=()
for r in $(seq 1 "$rounds"); do
  if (( r % 2 )); then
    read -r e p _ < <(eval_run "$data" "$work/e2e.json"); a=$(stage infer); b=$(stage decode)
  else
    b=$(stage decode); a=$(stage infer); read -r e p _ < <(eval_run "$data" "$work/e2e.json")
  fi
  e2e_all+=("$e"); a_all+=("$a"); b_all+=("$b"); ratio_all+=("$(echo "$e / ($a + $b)" | bc -l)")
  printf '%-6s %10.2f %10.2f %10.2f %10.2f %10.2f %8.2f\n' "$r" "$e" "$a" "$b" "$(echo "$a + $b" | bc)" "$p" \
    "$(echo "$e / ($a + $b)" | bc -l)"
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
e=$(median "${e2e_all[@]}"); a=$(median "${a_all[@]}"); b=$(median "${b_all[@]}"); ratio=$(median "${ratio_all[@]}")
n=$(ls "$data" | grep -ci '\.jpe\?g$')
printf 'medians: eval %.2f s (%.1f img/s) | (a) infer %.2f s (%.1f img/s) | (b) decode %.2f s (%.1f img/s)\n' \
  "$e" "$(echo "$n / $e" | bc -l)" "$a" "$(echo "$n / $a" | bc -l)" "$b" "$(echo "$n / $b" | bc -l)"
# The ratio is taken within each round (same machine load), then the median over rounds.
printf 'eval / ((a) + (b)), median over rounds: %.2f (target <= 1)\n' "$ratio"

# Memory: the sample set once and ten times, as flat folders of symbolic links with a val.txt.
make_set() { # $1 folder, $2 copies
  mkdir -p "$1"
  for ((k = 0; k < $2; k++)); do
    mkdir -p "$1/copy$k"
    tail -n +2 "$data/labels.csv" | cut -d, -f1,2 | while IFS=, read -r file label; do
      ln -s "$data/$file" "$1/copy$k/$file"
      echo "copy$k/$file $label" >> "$1/val.txt"
    done
  done
}
make_set "$work/x1" 1
make_set "$work/x10" 10
make_set "$work/x20" 20
echo
echo "memory: peak RSS of eval on the 1,000 images once, ten and twenty times ($mem_rounds rounds, order alternating)"
printf '%-6s %-34s %10s %10s %10s %8s %8s\n' round jvm x1_MiB x10_MiB x20_MiB x10/x1 x20/x10
IFS=';' read -r -a jvm_settings <<< "$mem_jvm_opts"
declare -A r10 r20
for r in $(seq 1 "$mem_rounds"); do
  for setting in "${jvm_settings[@]}"; do
    opts="$setting"
    [[ "$opts" == default ]] && opts=""
    if (( r % 2 )); then
      read -r _ _ m1 < <(eval_run "$work/x1" "$work/x1.json" "$opts")
      read -r _ _ m10 < <(eval_run "$work/x10" "$work/x10.json" "$opts")
      read -r _ _ m20 < <(eval_run "$work/x20" "$work/x20.json" "$opts")
    else
      read -r _ _ m20 < <(eval_run "$work/x20" "$work/x20.json" "$opts")
      read -r _ _ m10 < <(eval_run "$work/x10" "$work/x10.json" "$opts")
      read -r _ _ m1 < <(eval_run "$work/x1" "$work/x1.json" "$opts")
    fi
    a=$(echo "$m10 / $m1" | bc -l); b=$(echo "$m20 / $m10" | bc -l)
    r10[$setting]+="$a "; r20[$setting]+="$b "
    printf '%-6s %-34s %10.0f %10.0f %10.0f %8.3f %8.3f\n' "$r" "$setting" "$(echo "$m1 / 1024" | bc -l)" \
      "$(echo "$m10 / 1024" | bc -l)" "$(echo "$m20 / 1024" | bc -l)" "$a" "$b"
  done
done
for setting in "${jvm_settings[@]}"; do
  # shellcheck disable=SC2086
  printf 'median %-34s x10/x1 %.3f (target <= 1.10)   x20/x10 %.3f (flat: about 1)\n' "$setting" \
    "$(median ${r10[$setting]})" "$(median ${r20[$setting]})"
done
