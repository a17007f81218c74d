#!/usr/bin/env bash
# Runs every Kubemate test on a fresh machine: installs what the tests need, builds with warnings as errors,
# runs all test projects, and ends with one line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v kubectl >/dev/null 2>&1 || need_apt+=(kubernetes-client)
# A real Prometheus scrapes the sandbox in the telemetry tests; Chromium runs the console's end-to-end tests.
command -v prometheus >/dev/null 2>&1 || need_apt+=(prometheus)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# CJK glyphs, so the console's Chinese screenshots show characters rather than boxes.
[ -d /usr/share/fonts/truetype/wqy ] || need_apt+=(fonts-wqy-microhei)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing: ${need_apt[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi
command -v kubectl >/dev/null || { echo "kubectl is required and could not be installed" >&2; exit 1; }
command -v prometheus >/dev/null || { echo "prometheus is required and could not be installed" >&2; exit 1; }
[ -x /usr/bin/chromium ] || { echo "chromium (/usr/bin/chromium) is required and could not be installed" >&2; exit 1; }
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
echo "kubectl: $(kubectl version --client 2>/dev/null | head -n 1 || true)"

# A real PostgreSQL on 127.0.0.1 for the audit store's tests (installed and started if missing).
pg_env="$(bash scripts/postgres-for-tests.sh)" && eval "$pg_env"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build Kubemate.slnx -c Release -nologo -v quiet

log=$(mktemp)
status=0
# The minimal console logger prints each failed test's message and stack; quiet alone prints only its name.
dotnet test Kubemate.slnx -c Release --no-build -nologo -v quiet --logger "console;verbosity=minimal" 2>&1 | tee "$log" || status=$?

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
# Repeat the failures at the end, where a truncated CI log still shows them.
if [ "$failed" -ne 0 ]; then
  echo "---- failed tests ----"
  awk '/^  Failed /{n=40} n>0{print; n--}' "$log"
fi
rm -f "$log"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
