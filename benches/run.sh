#!/usr/bin/env bash
# Whole-process benchmarks of `isms` against two reference points measured in the same run
# on the same files: the floor (walk + parse with the same parser on the same threads,
# examples/floor.rs) and the peer (check-jsonschema validating the same files against the
# same schemas). Prints medians, ratios and peak memory; writes target/bench/results.md.
#
#   bash benches/run.sh            # 2k, 10k and 100k records; the peer on 2k and 10k
#   SIZES="2000 10000" bash benches/run.sh
#   SECTION=history SIZES="10000 100000" RUNS=3 RUNS_SMALL=3 bash benches/run.sh
#                                  # the history section alone (reading a git revision)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"2000 10000 100000"}
PEER_SIZES=${PEER_SIZES:-"2000 10000"}
RUNS=${RUNS:-10}
# Runs of tens of milliseconds are at the mercy of the machine's noise: more of them.
RUNS_SMALL=${RUNS_SMALL:-40}
OUT=target/bench
# `all`, or `history` for the history section alone.
SECTION=${SECTION:-all}
mkdir -p "$OUT"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need hyperfine; then
  echo "installing hyperfine (Debian package)"
  (apt-get update -qq && apt-get install -y -qq hyperfine) >/dev/null
fi
if [ "$SECTION" = all ] && [ ! -x "$OUT/venv/bin/check-jsonschema" ]; then
  echo "installing check-jsonschema (PyPI) into $OUT/venv"
  python3 -m venv "$OUT/venv"
  "$OUT/venv/bin/pip" install -q check-jsonschema
fi
[ -x /usr/bin/time ] || (apt-get update -qq && apt-get install -y -qq time) >/dev/null

cargo build --release --quiet --bin isms --example generate --example floor
ISMS=${CARGO_TARGET_DIR:-target}/release/isms
FLOOR=${CARGO_TARGET_DIR:-target}/release/examples/floor

for n in $SIZES; do
  [ -d "$OUT/data-$n" ] || ${CARGO_TARGET_DIR:-target}/release/examples/generate --records "$n" --seed 1 "$OUT/data-$n"
done

# Median wall time in seconds of a command, to 0.1 ms (at 2k records a run takes 15 ms:
# whole milliseconds would move the ratios by several per cent), over $RUNS runs after one
# warm-up ($RUNS_SMALL runs and three warm-ups when the name ends in a size under 100 000).
median() {
  local name=$1; shift
  local runs=$RUNS warm=1
  if [[ "${name##*-}" =~ ^[0-9]+$ && "${name##*-}" -lt 100000 && "$RUNS" -gt 1 ]]; then
    runs=$RUNS_SMALL warm=3
  fi
  hyperfine -N -i -w "$warm" -r "$runs" --export-json "$OUT/$name.json" "$@" >/dev/null 2>&1 || \
    hyperfine -i -w "$warm" -r "$runs" --export-json "$OUT/$name.json" "$@" >/dev/null
  python3 -c "import json,sys; print(f\"{json.load(open(sys.argv[1]))['results'][0]['median']:.4f}\")" "$OUT/$name.json"
}
peak_mib() {
  # `isms check` exits 1 when it finds gaps: the status is not what is measured here.
  { /usr/bin/time -v "$@" 2>&1 >/dev/null || true; } | awk '/Maximum resident/ {printf "%.0f", $6/1024}'
}
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1])/float(sys.argv[2]):.2f}')" "$1" "$2"; }
# Two commands timed in pairs (benches/paired.py): "median-first median-second ratio", the
# ratio the median of the pairs' own. Runs and warm-ups as for `median`, by the size that
# ends the name.
paired() {
  local name=$1; shift
  local runs=$RUNS warm=1
  if [[ "${name##*-}" =~ ^[0-9]+$ && "${name##*-}" -lt 100000 && "$RUNS" -gt 1 ]]; then
    runs=$RUNS_SMALL warm=3
  fi
  python3 benches/paired.py "$runs" "$warm" "$1" "$2"
}

# The peer validates each kind's files against that kind's schema: one call per kind.
peer() {
  local dir=$1
  for kind in $KINDS; do
    local files
    files=$(grep -rl --include='*.yaml' "^kind: $kind\$" "$dir" || true)
    [ -n "$files" ] || continue
    # shellcheck disable=SC2086
    "$OUT/venv/bin/check-jsonschema" --schemafile "schemas/$kind.schema.json" $files >/dev/null || true
  done
}
export -f peer
# The kinds, from the binary's table of kinds.
KINDS=$($ISMS schema | grep -vx common | tr '\n' ' ')
export OUT KINDS

if [ "$SECTION" = all ]; then
{
  echo "# isms benchmarks"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $(date -u +%Y-%m-%d)."
  echo "Median of $RUNS runs at 100k records and $RUNS_SMALL below (hyperfine, warm-ups first), wall clock, whole process; the floor is the mean of its medians before and after isms."
  echo
  echo "| records | floor (s) | validate (s) | check (s) | check / floor | floor RSS (MiB) | check RSS (MiB) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|"
} > "$OUT/results.md"

declare -A CHECK
for n in $SIZES; do
  d="$OUT/data-$n"
  # The floor is measured before and after isms and the two medians averaged: the
  # machine's speed drifts during a run, and this way the drift favours neither side.
  f1=$(median "floor-$n" "$FLOOR $d")
  v=$(median "validate-$n" "$ISMS validate --repo $d -q")
  c=$(median "check-$n" "$ISMS check --repo $d --as-of 2026-11-28 -q")
  f2=$(median "floor-after-$n" "$FLOOR $d")
  f=$(python3 -c "import sys; print(f'{(float(sys.argv[1]) + float(sys.argv[2])) / 2:.4f}')" "$f1" "$f2")
  CHECK[$n]=$c
  fr=$(peak_mib $FLOOR "$d")
  cr=$(peak_mib $ISMS check --repo "$d" --as-of 2026-11-28 -q)
  echo "| $n | $f | $v | $c | $(ratio "$c" "$f") | $fr | $cr |" >> "$OUT/results.md"
done

{
  echo
  echo "| records | check-jsonschema (s) | isms validate (s) | peer / isms |"
  echo "|---:|---:|---:|---:|"
} >> "$OUT/results.md"
for n in $PEER_SIZES; do
  d="$OUT/data-$n"
  p=$(RUNS=1 median "peer-$n" "bash -c 'peer $d'")
  v=$(python3 -c "import json,sys; print(f\"{json.load(open(sys.argv[1]))['results'][0]['median']:.4f}\")" "$OUT/validate-$n.json")
  echo "| $n | $p | $v | $(ratio "$p" "$v") |" >> "$OUT/results.md"
done

first=$(echo "$SIZES" | awk '{print $1}')
{
  echo
  r=$(median "report-$first" "$ISMS report --repo $OUT/data-$first --as-of 2026-11-28")
  echo "Report (management) on $first records: $r s, against check's ${CHECK[$first]} s: the report adds $(python3 -c "print(f'{(float($r)-float(${CHECK[$first]}))*1000:.0f}')") ms."
  if [[ -n "${CHECK[10000]:-}" && -n "${CHECK[100000]:-}" ]]; then
    echo "Scaling 10k -> 100k: check took $(ratio "${CHECK[100000]}" "${CHECK[10000]}") times as long for 10 times the records."
  fi
} >> "$OUT/results.md"

# Hostile inputs cost about what the example costs: a record file of 64 MiB is refused once
# 16 MiB of it are read, an alias bomb once its expansion passes 100 000 values, and a
# 15 MiB file of 2.7 million tiny documents once 10 000 are read (target: under 1 s and
# 200 MiB).
hostile() {
  local dir=$1 file=$2
  rm -rf "$dir"; cp -r examples/sjobacka "$dir"
  python3 - "$dir/units/$file" "$file" <<'PY'
import sys
path, which = sys.argv[1], sys.argv[2]
head = "kind: unit\nid: hostile\nname: Hostile\ntype: committee\n"
with open(path, "w") as f:
    f.write(head)
    if which == "docs.yaml":
        f.write("--- 1\n" * 2_700_000)
    elif which == "big.yaml":
        f.write("notes: >-\n")
        line = "  " + "lorem ipsum " * 8 + "\n"
        f.write(line * (64 * 1024 * 1024 // len(line) + 1))
    else:
        f.write("x-a0: &a0 [" + ", ".join(["lol"] * 10) + "]\n")
        for i in range(1, 10):
            f.write(f"x-a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 10) + "]\n")
PY
}
hostile "$OUT/hostile-64mb" big.yaml
hostile "$OUT/hostile-aliases" bomb.yaml
hostile "$OUT/hostile-documents" docs.yaml
{
  echo
  e=$(median "example-sjobacka" "$ISMS validate --repo examples/sjobacka -q")
  b=$(median "hostile-64mb" "$ISMS validate --repo $OUT/hostile-64mb -q")
  a=$(median "hostile-aliases" "$ISMS validate --repo $OUT/hostile-aliases -q")
  m=$(median "hostile-documents" "$ISMS validate --repo $OUT/hostile-documents -q")
  mr=$(peak_mib $ISMS validate --repo "$OUT/hostile-documents" -q)
  echo "Hostile inputs (validate): the example $e s; with a 64 MiB record file $b s; with an alias bomb $a s; with 2.7 million documents in one 15 MiB file $m s and $mr MiB."
} >> "$OUT/results.md"
fi

# History: the records at an earlier revision read from git's object store
# (`check --baseline`, `report --compare`), against the same command on the work tree
# alone (targets: 2.2x and 2.3x). Each generated repository is committed into git, then
# about one file in ten is changed (a record's name, or a comment where it has none) in a
# second commit; the work tree is that second commit. The objects are packed, as in a
# clone (CI's case).
# Commits the generated repository of size $1 into a git repository at $2, dated $3.
committed_copy() {
  local n=$1 g=$2
  rm -rf "$g"
  cp -r "$OUT/data-$n" "$g"
  git_in "$g" init -q
  git_in "$g" add -A
  GIT_COMMITTER_DATE=$3 git_in "$g" commit -qm "the records"
}
git_in() {
  local g=$1; shift
  git -C "$g" -c user.name=bench -c user.email=bench@example.org -c commit.gpgsign=false "$@"
}
# Changes one record file in ten of the repository at $1, starting with the file at
# position $2 in path order: the record's `name` gains " ($3)", or, without one, the file
# starts with the comment "# $3".
change_tenth() {
  python3 - "$1" "$2" "$3" <<'PY'
import os, sys
root, k, label = sys.argv[1], int(sys.argv[2]), sys.argv[3]
files = sorted(
    os.path.join(d, f)
    for d, _, fs in os.walk(root) if "/.git" not in d
    for f in fs if f.endswith(".yaml")
)
for path in files[k::10]:
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for i, line in enumerate(lines):
        if line.startswith("name: "):
            lines[i] = line + f" ({label})"
            break
    else:
        lines.insert(0, f"# {label}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
print(f"changed {len(files[k::10])} of {len(files)} record files")
PY
}
history_repo() {
  local n=$1 g="$OUT/history-$n"
  [ -d "$g/.git" ] && return
  committed_copy "$n" "$g" 2026-01-15T10:00:00+01:00
  change_tenth "$g" 0 reviderad
  git_in "$g" commit -qam "one file in ten changed"
  git_in "$g" repack -adq
}
if [ "$SECTION" = history ]; then
  {
    echo "# isms benchmarks"
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); $(date -u +%Y-%m-%d)."
  } > "$OUT/results.md"
fi
{
  echo
  echo "## History"
  echo
  echo "Median of $RUNS runs (and $RUNS_SMALL below 100k), each command with the one it is compared with right before or after it (benches/paired.py); a ratio is the median of those pairs' ratios. The revision is HEAD~1, which differs from the work tree in one record file in ten."
  echo
  echo "| records | check (s) | check --baseline (s) | ratio | report (s) | report --compare (s) | ratio | check RSS | --baseline RSS | report RSS | --compare RSS (MiB) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >> "$OUT/results.md"
for n in $SIZES; do
  history_repo "$n"
  g="$OUT/history-$n"
  read -r c b br < <(paired "hist-baseline-$n" "$ISMS check --repo $g --as-of 2026-11-28 -q" \
    "$ISMS check --repo $g --as-of 2026-11-28 -q --baseline HEAD~1")
  read -r r rc rr < <(paired "hist-compare-$n" "$ISMS report management --repo $g --as-of 2026-11-28" \
    "$ISMS report management --repo $g --as-of 2026-11-28 --compare HEAD~1")
  cm=$(peak_mib $ISMS check --repo "$g" --as-of 2026-11-28 -q)
  bm=$(peak_mib $ISMS check --repo "$g" --as-of 2026-11-28 -q --baseline HEAD~1)
  rm_=$(peak_mib $ISMS report management --repo "$g" --as-of 2026-11-28)
  rcm=$(peak_mib $ISMS report management --repo "$g" --as-of 2026-11-28 --compare HEAD~1)
  echo "| $n | $c | $b | $br | $r | $rc | $rr | $cm | $bm | $rm_ | $rcm |" >> "$OUT/results.md"
done

# A trend over eight revisions, each a month after the last and differing from it in one
# record file in ten (a different tenth each time).
trend_repo() {
  local n=$1 g="$OUT/trend-$n"
  [ -d "$g/.git" ] && return
  committed_copy "$n" "$g" 2026-01-15T10:00:00+01:00
  for k in 1 2 3 4 5 6 7; do
    change_tenth "$g" "$k" "revision $k"
    GIT_COMMITTER_DATE="2026-0$((k + 1))-15T10:00:00+01:00" git_in "$g" commit -qam "revision $k"
  done
  git_in "$g" repack -adq
}
{
  echo
  echo "### Trend"
  echo
  echo "\`isms trend\` over the eight revisions \`HEAD~7\` … \`HEAD\`, each differing from the one before in one record file in ten, against one \`check\` of the work tree, timed in pairs as above; peak memory likewise."
  echo
  echo "| records | check (s) | trend, 8 revisions (s) | ratio | check RSS (MiB) | trend RSS (MiB) | ratio |"
  echo "|---:|---:|---:|---:|---:|---:|---:|"
} >> "$OUT/results.md"
for n in $SIZES; do
  trend_repo "$n"
  g="$OUT/trend-$n"
  revs="--rev HEAD~7 --rev HEAD~6 --rev HEAD~5 --rev HEAD~4 --rev HEAD~3 --rev HEAD~2 --rev HEAD~1 --rev HEAD"
  read -r c t tr < <(paired "trend-$n" "$ISMS check --repo $g --as-of 2026-11-28 -q" \
    "$ISMS trend --repo $g --as-of 2026-11-28 $revs")
  cm=$(peak_mib $ISMS check --repo "$g" --as-of 2026-11-28 -q)
  # shellcheck disable=SC2086
  tm=$(peak_mib $ISMS trend --repo "$g" --as-of 2026-11-28 $revs)
  echo "| $n | $c | $t | $tr | $cm | $tm | $(ratio "$tm" "$cm") |" >> "$OUT/results.md"
done
cat "$OUT/results.md"
