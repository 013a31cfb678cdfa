#!/usr/bin/env bash
# Builds the `kinerja` .NET tool package into artifacts/tool/ and prints how to install it.
#   scripts/pack-tool.sh && dotnet tool install --global --add-source artifacts/tool Kinerja.Cli
# The tool is compiled to native code (Native AOT, a few minutes): two packages, Kinerja.Cli (which names the
# platform packages) and Kinerja.Cli.linux-x64 (the native `kinerja` with the SkiaSharp library beside it).
# `dotnet tool install` picks the platform package from the same folder.
set -euo pipefail
cd "$(dirname "$0")/.."
rid=${RID:-linux-x64}
rm -rf artifacts/tool
dotnet pack src/Kinerja.Cli/Kinerja.Cli.csproj -c Release --nologo -o artifacts/tool
dotnet pack src/Kinerja.Cli/Kinerja.Cli.csproj -c Release --nologo -r "$rid" -o artifacts/tool
ls artifacts/tool/Kinerja.Cli.*.nupkg | sed 's/^/paket alat: /'
echo "pasang:   dotnet tool install --global --add-source $(pwd)/artifacts/tool Kinerja.Cli"
echo "perbarui: dotnet tool update --global --add-source $(pwd)/artifacts/tool Kinerja.Cli"
