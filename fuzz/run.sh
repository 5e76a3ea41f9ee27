#!/usr/bin/env bash
# Builds the fuzz target `load_file` and runs it for SECONDS (default 60) on the stable
# toolchain; exits non-zero when libFuzzer finds a crash, a hang or a memory blow-up, whose
# input is then under fuzz/artifacts/load_file/. See "Fuzzing" in docs/decisions.md.
#
#   fuzz/run.sh 120             # as CI runs it
#   fuzz/run.sh 600 -jobs=2     # further libFuzzer options follow the time
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
shift || true

# The seeds, copied anew each run: every record file of the examples and, where the YAML
# test suite is vendored, its inputs. The corpus libFuzzer grows stays in corpus/ between
# local runs (CI starts from the seeds alone).
rm -rf seeds && mkdir -p seeds corpus/load_file
seed() {
  local name="${1#../}"
  cp "$1" "seeds/${name//\//_}"
}
while IFS= read -r -d '' f; do seed "$f"; done \
  < <(find ../examples -type f \( -name '*.yaml' -o -name '*.yml' \) -print0)
if [ -d ../tests/data/yaml-test-suite ]; then
  for f in ../tests/data/yaml-test-suite/*/in.yaml; do
    [ -f "$f" ] && seed "$f"
  done
fi
echo "fuzz: $(find seeds -type f | wc -l) seed files, ${seconds} s"

# `--sanitizer none`: the only option of cargo-fuzz that needs a nightly compiler is the
# sanitizer (-Zsanitizer); the coverage instrumentation libFuzzer needs is stable.
build=(--sanitizer none)
cargo fuzz build "${build[@]}" load_file
# -max_len: a record file is a few kilobytes; 64 KiB leaves room for long documents
# without spending the budget on mutating megabytes. -timeout: a file that takes seconds
# is a hang worth reporting, not a slow input.
# The lines of each input that grew the corpus and of each new function it reached
# (thousands a minute) are left out of the log; pulses, crash reports and the final
# figures stay.
cargo fuzz run "${build[@]}" load_file corpus/load_file seeds -- \
  -dict=yaml.dict \
  -max_total_time="$seconds" \
  -max_len=65536 \
  -rss_limit_mb=2048 \
  -timeout=10 \
  -print_final_stats=1 \
  "$@" 2>&1 | grep --line-buffered -v -E '^#[0-9]+[[:space:]]+(NEW|REDUCE) |^[[:space:]]+NEW_FUNC'
