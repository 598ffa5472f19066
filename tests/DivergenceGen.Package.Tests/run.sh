#!/usr/bin/env bash
# The package as a user gets it (docs/package.md), run by .ci/run:
#   1. pack src/DivergenceGen into artifacts/packages (the one package, DivergenceGen);
#   2. inspect it: exactly the runtime library (net8.0, net10.0, XML docs), the generator under analyzers/dotnet/cs,
#      buildTransitive/DivergenceGen.targets, README.md and LICENSE;
#   3. build and run this consumer from the package (a private packages folder, so a stale cached copy of the same
#      version is never used) with the SDK's compiler on net8.0 and net10.0, and with the oldest supported compiler
#      (Microsoft.Net.Compilers.Toolset 4.14.0, the SDK 9.0.3xx compiler) on net8.0 — SDK 9 cannot target net10.0;
#   4. check that the build-time checks fire: DGB0001 (compiler too old, simulated by raising the minimum) and
#      DGB0002 (the generator is not among the analyzers).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
consumer=tests/DivergenceGen.Package.Tests
packages=artifacts/packages
private="$root/artifacts/package-tests/packages"
oldest_compiler=$(dotnet msbuild generator/DivergenceGen.Generator -getProperty:GeneratorRoslynVersion)
version=$(dotnet msbuild src/DivergenceGen -getProperty:Version)

rm -rf "$packages" "$root/artifacts/package-tests" "$consumer/bin" "$consumer/obj"
echo "== pack DivergenceGen $version"
dotnet pack src/DivergenceGen -c Release -o "$packages"

common=(-c Release -p:DivergenceGenVersion="$version" -p:RestorePackagesPath="$private")
echo "== inspect the package"
dotnet run --project "$consumer" "${common[@]}" -f net10.0 -- --inspect "$packages/DivergenceGen.$version.nupkg"

for framework in net10.0 net8.0; do
  echo "== consumer, SDK compiler, $framework"
  dotnet run --project "$consumer" "${common[@]}" -f "$framework"
done

echo "== consumer, oldest supported compiler (Microsoft.Net.Compilers.Toolset $oldest_compiler), net8.0"
dotnet build "$consumer" "${common[@]}" -f net8.0 -p:DivergenceGenTestCompiler="$oldest_compiler" --no-incremental -v:q -clp:NoSummary \
  -p:DivergenceGenMinimumRoslynVersion=99.0 -p:TreatWarningsAsErrors=false >artifacts/package-tests/dgb0001.log 2>&1 || true
if ! grep -q "this build uses Roslyn $oldest_compiler" artifacts/package-tests/dgb0001.log; then
  cat artifacts/package-tests/dgb0001.log
  echo "The consumer was not compiled by Roslyn $oldest_compiler (Microsoft.Net.Compilers.Toolset did not take effect)"
  exit 1
fi
echo "   compiled by Roslyn $oldest_compiler, and DGB0001 fires when the minimum is raised above it"
dotnet run --project "$consumer" "${common[@]}" -f net8.0 -p:DivergenceGenTestCompiler="$oldest_compiler"

echo "== DGB0002: the generator missing from the analyzers"
if dotnet build "$consumer" "${common[@]}" -f net10.0 -p:DivergenceGenDropGenerator=true --no-incremental >artifacts/package-tests/dgb0002.log 2>&1; then
  echo "The consumer built without its generator: it should not"; exit 1
fi
grep -q "warning DGB0002" artifacts/package-tests/dgb0002.log || { cat artifacts/package-tests/dgb0002.log; echo "DGB0002 was not reported"; exit 1; }
echo "   DGB0002 reported before the compiler's errors"
echo "== package consumer passed"
