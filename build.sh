#!/usr/bin/env bash
# Ledger's build entry point: runs the C# build tool in build/. See README.md for the targets.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build build/Build.csproj -c Release --nologo -v q -clp:ErrorsOnly >/dev/null || dotnet build build/Build.csproj -c Release --nologo -v q -clp:ErrorsOnly
exec dotnet build/bin/Release/net10.0/ledger-build.dll "$@"
