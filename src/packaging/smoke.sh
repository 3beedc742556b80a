#!/usr/bin/env bash
# Starts a packaged ScanTill headless through its own launcher, waits until it is ready, stops it.
#
#   smoke.sh LAUNCHER [SECONDS]     e.g. target/dist/image/scantill/bin/scantill, /opt/scantill/bin/scantill
#
# Ready means what a cashier needs before the first sale: the window's first frame, the sample catalog
# bundled with the app loaded, the payment side up (the embedded sandbox listening, start-up recovery
# done). The launcher runs with -Xshare:on, so it refuses to start if its class-data archive does not
# fit. A clean environment and a throw-away home, config and data folder keep a developer's key,
# settings and journal out of it; the sandbox listens on 127.0.0.1 only.
set -euo pipefail

launcher=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
limit=${2:-60}
work=$(mktemp -d "${TMPDIR:-/tmp}/scantill-smoke.XXXXXX")
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2> /dev/null || true
  cd / && rm -rf "$work"
}
trap cleanup EXIT
: > "$work/empty.properties"
# Not the repository: a relative assets/catalog.csv must not be what gets loaded.
cd "$work"

started=$(date +%s%N)
"$launcher" --version > "$work/version"
grep -q '^ScanTill ' "$work/version" && grep -q '^Stripe API ' "$work/version" \
  || { echo "smoke: --version printed:"; cat "$work/version"; exit 1; } >&2

env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 \
  JAVA_TOOL_OPTIONS="-Xshare:on -Duser.home=$work -Dscantill.reportFirstFrame=true -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true" \
  "$launcher" --config="$work/empty.properties" --data.dir="$work/data" \
  > "$work/out" 2> "$work/err" < /dev/null &
pid=$!

ready() {
  grep -q '^FIRST_FRAME ' "$work/out" \
    && grep -Eq 'Catalog .*/assets/catalog\.csv: [1-9][0-9]* products loaded, 0 problems' "$work/err" \
    && grep -q 'Stripe sandbox listening: API http://127\.0\.0\.1:' "$work/err" \
    && grep -Eq 'No unfinished sales|ScanTill checked' "$work/err"
}
deadline=$(( $(date +%s) + limit ))
until ready; do
  if ! kill -0 "$pid" 2> /dev/null; then
    echo "smoke: $launcher stopped before it was ready" >&2
    cat "$work/out" "$work/err" >&2
    exit 1
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "smoke: $launcher not ready within ${limit}s" >&2
    cat "$work/out" "$work/err" >&2
    exit 1
  fi
  sleep 0.2
done
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))

kill -TERM "$pid"
wait "$pid" 2> /dev/null || true
pid=

[ -n "${SMOKE_SHOW_LOG:-}" ] && cat "$work/out" "$work/err"
if grep -Eq 'SLF4J|SEVERE|Exception' "$work/err"; then
  echo "smoke: unexpected lines on stderr:" >&2
  grep -E 'SLF4J|SEVERE|Exception' "$work/err" >&2
  exit 1
fi
if [ -e "$work/.openjfx" ]; then
  echo "smoke: JavaFX unpacked its native libraries into the home folder" >&2
  exit 1
fi
echo "smoke: $(head -1 "$work/version") ready in ${ready_ms} ms (incl. --version), stopped: $launcher"
