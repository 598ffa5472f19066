#!/usr/bin/env bash
# The emitter mutations the suite must catch (docs/testing.md#emitter-mutations).
#
#   tests/mutations/run.sh [NAME ...]          every mutation (or the named ones), each at the width it names
#   MUTATION_WIDTHS="512 256 128 0" tests/mutations/run.sh   every mutation at each of these widths (a matrix)
#
# Each tests/mutations/*.patch is a small plausible bug with a header: what it breaks, the vector width whose code
# it breaks (any, 256, 128 or 0 = scalar), the test project and the test filter that must catch it. The script
# makes a scratch worktree of HEAD (committed work only), and for each patch: applies it, builds, runs the filtered
# tests with the DOTNET_Enable… switch that gives the width, and reverts. A mutation is caught when the tests fail.
# It exits non-zero when a mutation survives or no longer applies (after a refactor, port the patch). Not run by CI:
# about 2–4 minutes per mutation on 2 cores.
set -euo pipefail
root=$(git rev-parse --show-toplevel)
cd "$root"

scratch=$(mktemp -d)
work="$scratch/tree"
git worktree add --detach -q "$work" HEAD
cleanup() { git -C "$root" worktree remove --force "$work" >/dev/null 2>&1 || true; rm -rf "$scratch"; }
trap cleanup EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log="$scratch/log"

echo "== build the unmutated tree (scratch worktree of $(git rev-parse --short HEAD))"
dotnet build "$work/tests/DivergenceGen.Tests" -c Release >"$log" 2>&1 || { cat "$log"; exit 1; }
width_file="$scratch/width"
DIVERGENCEGEN_VECTOR_WIDTH_REPORT="$width_file" dotnet test "$work/tests/DivergenceGen.Tests" -c Release --no-build \
  --filter "FullyQualifiedName~VectorWidthTests" >"$log" 2>&1 || { cat "$log"; exit 1; }
natural=$(cat "$width_file")
echo "   widest accelerated vector width here: $natural"

switch_for() { # the environment assignment that caps the widest width at $1
  case "$1" in
    512) echo "DIVERGENCEGEN_DEFAULT_WIDTH=1" ;;
    256) echo "DOTNET_EnableAVX512=0" ;;
    128) echo "DOTNET_EnableAVX2=0" ;;
    0) echo "DOTNET_EnableHWIntrinsic=0" ;;
  esac
}

header() { sed -n "s/^$2: //p" "$1" | head -n 1; }

patches=()
if [ "$#" -gt 0 ]; then
  for name in "$@"; do patches+=("tests/mutations/$name.patch"); done
else
  patches=(tests/mutations/*.patch)
fi

failed=0
results=()
for patch in "${patches[@]}"; do
  name=$(header "$patch" Mutation)
  declared=$(header "$patch" Width)
  project=$(header "$patch" Project)
  filter=$(header "$patch" Filter)
  widths=${MUTATION_WIDTHS:-$([ "$declared" = any ] && echo "$natural" || echo "$declared")}
  echo "== $name: $(header "$patch" What)"
  if ! git -C "$work" apply "$root/$patch"; then
    results+=("$name: DOES NOT APPLY (port the patch to the current code)")
    failed=1
    continue
  fi

  if ! dotnet build "$work/$project" -c Release >"$log" 2>&1; then
    results+=("$name: caught by the build (the mutated generator's output does not compile)")
    git -C "$work" checkout -q -- .
    continue
  fi

  caught=()
  for width in $widths; do
    if [ "$width" -gt "$natural" ]; then
      echo "   width $width: not available on this machine (widest $natural)"
      continue
    fi
    assignment=$(switch_for "$width")
    if [ "$project" = tests/DivergenceGen.Tests ] && ! env "$assignment" DIVERGENCEGEN_EXPECTED_VECTOR_WIDTH="$width" \
        dotnet test "$work/$project" -c Release --no-build --filter "FullyQualifiedName~VectorWidthTests" >"$log" 2>&1; then
      echo "   width $width ($assignment): the switch did not give this width; not run"
      failed=1
      continue
    fi
    if env "$assignment" DIVERGENCEGEN_EXPECTED_VECTOR_WIDTH="$width" \
        dotnet test "$work/$project" -c Release --no-build --filter "$filter" >"$log" 2>&1; then
      echo "   width $width ($assignment): survived"
    else
      echo "   width $width ($assignment): caught — $(grep -m1 -E '^\s+Failed ' "$log" | sed 's/^\s*//' | cut -c1-140)"
      caught+=("$width")
    fi
  done

  git -C "$work" checkout -q -- .
  if [ "${#caught[@]}" -eq 0 ]; then
    results+=("$name: SURVIVED at width(s) $widths")
    failed=1
  else
    results+=("$name: caught at width(s) ${caught[*]}")
  fi
done

echo
echo "== results"
printf '   %s\n' "${results[@]}"
exit "$failed"
