#!/usr/bin/env bash
# Builds the `kinerja` .NET tool package into artifacts/tool/ and prints how to install it.
#   scripts/pack-tool.sh && dotnet tool install --global --add-source artifacts/tool Kinerja.Cli
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf artifacts/tool
dotnet pack src/Kinerja.Cli/Kinerja.Cli.csproj -c Release --nologo -o artifacts/tool
package=$(ls artifacts/tool/Kinerja.Cli.*.nupkg)
echo "paket alat: $package"
echo "pasang:   dotnet tool install --global --add-source $(pwd)/artifacts/tool Kinerja.Cli"
echo "perbarui: dotnet tool update --global --add-source $(pwd)/artifacts/tool Kinerja.Cli"
