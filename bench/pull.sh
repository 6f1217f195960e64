#!/usr/bin/env bash
# Benchmark: `rdkzoo pull` (streams to .part, SHA-256 while streaming, checks the pinned digest and
# size, renames into place, records the manifest) against `curl -o` (no hash), on one file served
# from loopback by a Range-capable server (bench/range_server.py, sendfile). Rounds alternate which
# tool goes first; each side's output is deleted after its run. Prints both throughputs and the ratio.
#
#   bench/pull.sh                 # 1 GiB, 3 rounds
#   SIZE_MIB=256 ROUNDS=5 bench/pull.sh
#
# Needs: a built jar (mvn -B -DskipTests package), python3, curl, sha256sum. The file is generated
# in a temporary folder and deleted at the end.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
size_mib="${SIZE_MIB:-1024}"
rounds="${ROUNDS:-3}"

[[ -f "$root/cli/target/rdkzoo.jar" ]] || { echo "bench/pull.sh: build first: mvn -B -DskipTests package" >&2; exit 5; }
for tool in python3 curl sha256sum awk; do
  command -v "$tool" >/dev/null || { echo "bench/pull.sh: $tool is required" >&2; exit 5; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/rdkzoo-bench-pull.XXXXXX")"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/srv"
echo "generating ${size_mib} MiB of random bytes in $work ..." >&2
head -c $((size_mib * 1048576)) /dev/urandom > "$work/srv/bench_224x224_nv12.bin"
bytes=$(stat -c %s "$work/srv/bench_224x224_nv12.bin")
sha=$(sha256sum "$work/srv/bench_224x224_nv12.bin" | cut -d' ' -f1)

python3 "$here/range_server.py" "$work/srv" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q '^ready' "$work/server.log" 2>/dev/null && break; sleep 0.1; done
port=$(awk '/^ready/ {print $2}' "$work/server.log")
[[ -n "$port" ]] || { echo "bench/pull.sh: the server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
url="http://127.0.0.1:$port/bench_224x224_nv12.bin"

cat > "$work/bench.yaml" <<YAML
base_url: http://127.0.0.1:$port/
defaults: {input: 224x224, classes: 1000}
models:
  - {family: Bench, id: bench, bin: {file: bench_224x224_nv12.bin, sha256: $sha, size: $bytes}}
YAML

now_ns() { date +%s%N; }

run_curl() {
  local t0 t1
  sync
  t0=$(now_ns)
  curl -s -f -o "$work/curl.bin" "$url"
  t1=$(now_ns)
  [[ $(stat -c %s "$work/curl.bin") == "$bytes" ]] || { echo "curl fetched a wrong size" >&2; exit 1; }
  rm -f "$work/curl.bin"
  echo $(( (t1 - t0) / 1000000 ))
}

# Prints "<wall ms> <transfer s>": the whole command, and the transfer as rdkzoo's progress line reports it
# (response to verified file in place, without JVM start-up).
run_rdkzoo() {
  local t0 t1 transfer
  sync
  t0=$(now_ns)
  "$root/rdkzoo" pull bench --catalog "$work/bench.yaml" --dir "$work/cache" > "$work/rdkzoo.out" 2> "$work/rdkzoo.err"
  t1=$(now_ns)
  grep -q "bench_224x224_nv12.bin: $bytes bytes, sha256 $sha" "$work/rdkzoo.err" \
    || { echo "rdkzoo did not verify the file:" >&2; cat "$work/rdkzoo.err" >&2; exit 1; }
  transfer=$(grep -o 'done in [0-9.]* s' "$work/rdkzoo.err" | tail -1 | awk '{print $3}')
  rm -rf "$work/cache"
  echo "$(( (t1 - t0) / 1000000 )) ${transfer:-nan}"
}

mibps() { awk -v b="$bytes" -v ms="$1" 'BEGIN { printf "%.0f", b / 1048576 / (ms / 1000) }'; }

echo "rdkzoo pull vs curl -o: ${size_mib} MiB over loopback, $rounds rounds, $(nproc) CPUs" >&2
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# One untimed fetch so both sides read the served file from the page cache.
curl -s -o /dev/null "$url"

curl_ms=(); rdk_ms=(); rdk_transfer=()
printf '%-6s %-22s %-22s %s\n' round "curl -o" "rdkzoo pull" "rdkzoo transfer only"
for r in $(seq "$rounds"); do
  if (( r % 2 == 1 )); then
    c=$(run_curl); read -r z t < <(run_rdkzoo)
  else
    read -r z t < <(run_rdkzoo); c=$(run_curl)
  fi
  curl_ms+=("$c"); rdk_ms+=("$z"); rdk_transfer+=("$t")
  printf '%-6s %6.2f s %5s MiB/s   %6.2f s %5s MiB/s   %6.2f s %5s MiB/s\n' "$r" \
    "$(awk -v m="$c" 'BEGIN{print m/1000}')" "$(mibps "$c")" \
    "$(awk -v m="$z" 'BEGIN{print m/1000}')" "$(mibps "$z")" \
    "$t" "$(mibps "$(awk -v s="$t" 'BEGIN{print s*1000}')")"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
mc=$(median "${curl_ms[@]}"); mz=$(median "${rdk_ms[@]}")
mt=$(median "${rdk_transfer[@]}"); mt_ms=$(awk -v s="$mt" 'BEGIN{print s*1000}')
echo
echo "median curl -o:             $(mibps "$mc") MiB/s ($(awk -v m="$mc" 'BEGIN{print m/1000}') s)"
echo "median rdkzoo pull:         $(mibps "$mz") MiB/s ($(awk -v m="$mz" 'BEGIN{print m/1000}') s, whole command incl. JVM start)"
echo "median rdkzoo transfer:     $(mibps "$mt_ms") MiB/s ($mt s, response to verified file, from its progress line)"
echo "ratio rdkzoo/curl (whole):  $(awk -v c="$mc" -v z="$mz" 'BEGIN{printf "%.2f", c / z}')   (target >= 0.90)"
echo "ratio (transfer only):      $(awk -v c="$mc" -v t="$mt_ms" 'BEGIN{printf "%.2f", c / t}')"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
