#!/usr/bin/env bash
# The one test command: installs what the tests need (idempotently), builds, runs every test project,
# and ends with one line "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Real parts, not fakes: the storage tests start a throwaway PostgreSQL 15 server themselves, and the browser
# tests drive Debian's Chromium (Playwright never downloads a browser of its own here).
missing=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# ... and a Mosquitto broker for the ingestion tests (mosquitto_pub/_sub for the README's walkthrough).
[ -x /usr/sbin/mosquitto ] || missing+=(mosquitto)
command -v mosquitto_pub >/dev/null || missing+=(mosquitto-clients)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Pagefind (the static search index the site build writes), pinned in site/package-lock.json.
if [ ! -x site/node_modules/.bin/pagefind ]; then
  npm ci --prefix site --no-audit --no-fund --loglevel=error || { echo "0 passed, 1 failed"; exit 1; }
fi

# s3rver, a real S3-compatible server the media tests start to test the S3 media store (pinned in its package-lock.json).
if [ ! -f tests/Smile.Media.Tests/s3/node_modules/s3rver/bin/s3rver.js ]; then
  npm ci --prefix tests/Smile.Media.Tests/s3 --no-audit --no-fund --loglevel=error || { echo "0 passed, 1 failed"; exit 1; }
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
dotnet restore Smile.sln || { echo "0 passed, 1 failed"; exit 1; }
dotnet build Smile.sln --no-restore -c Release -v quiet -nologo || { echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
dotnet test --solution Smile.sln --no-build -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Microsoft Testing Platform prints one summary per run; add them up.
total=$(grep -E '^\s+total: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -E '^\s+failed: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
passed=$(grep -E '^\s+succeeded: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -E '^\s+skipped: [0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
if [ "$total" -eq 0 ]; then echo "no tests ran"; status=1; fi
if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
exit "$status"
