#!/usr/bin/env bash
# Proves the .deb: installs it with dpkg (its postinst makes the class-data archive), starts the
# installed launcher headless to ready (smoke.sh, with -Xshare:on), purges the package again.
#
#   deb-check.sh [PATH.deb]        default: target/dist/scantill_*.deb      (as root; see docs/packaging.md)
#
# Refuses to run where ScanTill is already installed: it would replace and then remove that install.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
deb=${1:-$(ls "$repo"/target/dist/scantill_*.deb 2> /dev/null | head -1)}
[ -f "$deb" ] || { echo "deb-check: no .deb (build it with: mvn -Pdist package)" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "deb-check: run as root (dpkg -i)" >&2; exit 2; }
if dpkg-query -W -f='${Status}' scantill 2> /dev/null | grep -q 'ok installed'; then
  echo "deb-check: scantill is installed here already; not touching it" >&2
  exit 2
fi

removed=false
remove() {
  $removed || dpkg --purge scantill > /dev/null 2>&1 || true
}
trap remove EXIT

t0=$(date +%s)
if ! dpkg -i "$deb"; then
  # Missing libraries (GTK and friends on a server): let apt bring them, then finish configuring.
  DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq
fi
echo "deb-check: installed in $(( $(date +%s) - t0 )) s"
dpkg-query -W -f='${Status}\n' scantill | grep -q 'ok installed'

app=/opt/scantill/lib/app
if cmp -s "$app/scantill.jsa" /opt/scantill/lib/runtime/lib/server/classes.jsa; then
  echo "deb-check: postinst fell back to the runtime's archive: the training run failed" >&2
  exit 1
fi
bash "$here/../smoke.sh" /opt/scantill/bin/scantill

dpkg --purge scantill
removed=true
if dpkg-query -W scantill > /dev/null 2>&1; then
  echo "deb-check: dpkg still lists scantill after --purge" >&2
  exit 1
fi
if [ -e /opt/scantill ]; then
  echo "deb-check: /opt/scantill left behind after removal:" >&2
  find /opt/scantill >&2
  exit 1
fi
echo "deb-check: $(basename "$deb") installs, starts headless to ready and is purged cleanly"
