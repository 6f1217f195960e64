#!/usr/bin/env bash
# Benchmark: calibration preparation on the 1,000 images of ../shared/assets/images/imagenet-sample-images,
# `rdkzoo mapper calib --jobs 2` against the same preprocessing in one Python + OpenCV process
# (bench/calib_opencv.py, Debian's /usr/bin/python3 with python3-opencv), same machine, same run,
# alternating rounds. Both write 1,000 float32 files (602,112 bytes each) to a fresh folder every round.
#
# The rdkzoo time is the wall time of the whole command, JVM start-up included (what a user waits for);
# rdkzoo also hashes every source and output into its manifest (OUT.manifest.json), which the peer does not do.
# The Python time is the wall time of the whole process too (interpreter and cv2 import included).
#
#   bench/calib.sh [ROUNDS]      (default 3; builds cli/target/rdkzoo.jar if it is missing)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
images="$root/../shared/assets/images/imagenet-sample-images"
rounds="${1:-3}"
jobs=2
python=/usr/bin/python3

[[ -d "$images" ]] || { echo "bench/calib.sh: $images not found (the shared assets)" >&2; exit 5; }
"$python" -c 'import cv2' 2>/dev/null || { echo "bench/calib.sh: $python has no cv2 (apt-get install python3-opencv)" >&2; exit 5; }
if [[ ! -f "$root/cli/target/rdkzoo.jar" ]]; then
  (cd "$root" && mvn -B -q -DskipTests package)
fi

work="$root/bench/out/calib"
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

now() { date +%s.%N; }
clean() { rm -rf "$work/rdkzoo" "$work/opencv" "$work/rdkzoo.manifest.json"; sync; }
run_rdkzoo() {
  "$root/rdkzoo" mapper calib --images "$images" --out "$work/rdkzoo" --count "$count" --jobs "$jobs" --quiet >/dev/null
}
run_opencv() {
  "$python" "$root/bench/calib_opencv.py" "$images" "$work/opencv" >/dev/null
}
count=$(find "$images" -maxdepth 1 -type f \( -iname '*.jpeg' -o -iname '*.jpg' -o -iname '*.png' -o -iname '*.bmp' \) | wc -l)

echo "calibration preparation: $count images from $images"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "rdkzoo:  ./rdkzoo mapper calib --count $count --jobs $jobs (float32)  |  peer: $python bench/calib_opencv.py (cv2 $("$python" -c 'import cv2; print(cv2.__version__)'))"
printf '%-6s %14s %14s %8s\n' round "rdkzoo img/s" "opencv img/s" ratio
rz_all=()
cv_all=()
for r in $(seq 1 "$rounds"); do
  # Each run writes 600 MB into a fresh folder, and its output is deleted (and synced) before the next run
  # starts: otherwise the second run of a round met a page cache full of the first's files and ran up to
  # 35% slower, whichever tool it was (fresh guest memory is slow to fault in on this VM).
  # Who goes first alternates, so that neither always meets a cold page cache or a busier machine.
  if (( r % 2 == 1 )); then
    t0=$(now); run_rdkzoo; t1=$(now); clean
    t2=$(now); run_opencv; t3=$(now); clean
    rz_s=$(echo "$t1 - $t0" | bc -l); cv_s=$(echo "$t3 - $t2" | bc -l)
  else
    t0=$(now); run_opencv; t1=$(now); clean
    t2=$(now); run_rdkzoo; t3=$(now); clean
    cv_s=$(echo "$t1 - $t0" | bc -l); rz_s=$(echo "$t3 - $t2" | bc -l)
  fi
  rz=$(echo "$count / $rz_s" | bc -l)
  cv=$(echo "$count / $cv_s" | bc -l)
  rz_all+=("$rz")
  cv_all+=("$cv")
  printf '%-6s %14.1f %14.1f %8.2f\n' "$r" "$rz" "$cv" "$(echo "$rz / $cv" | bc -l)"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
rz_m=$(median "${rz_all[@]}")
cv_m=$(median "${cv_all[@]}")
printf '%-6s %14.1f %14.1f %8.2f   (rdkzoo / opencv; above 1 means rdkzoo is faster)\n' median "$rz_m" "$cv_m" \
  "$(echo "$rz_m / $cv_m" | bc -l)"

# The outputs of one more (untimed) run of each, compared byte for byte.
run_rdkzoo
run_opencv
same=0
for f in "$work/opencv"/*.rgb; do
  cmp -s "$f" "$work/rdkzoo/$(basename "$f")" && same=$((same + 1))
done
echo "outputs byte-identical to OpenCV's: $same / $count"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
