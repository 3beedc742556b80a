#!/bin/sh
# Makes the launcher's class-data archive (AppCDS) by a training run, in an app image where it will run.
#
#   training-run.sh APP_ROOT      APP_ROOT holds bin/scantill, lib/app/, lib/runtime/
#
# The app starts headless (Monocle) to ready, sells one item against its embedded sandbox, quits; the
# JVM writes every class it loaded into lib/app/scantill.jsa on the way out (-XX:ArchiveClassesAtExit).
# On JDK 17 such an archive only works for jar files at the paths it was made with, so this runs where
# the app will run: in the built image (dist.sh) and again after installing the .deb (postinst).
# Run as the image's owner. Exits non-zero, leaving any previous archive alone, when the run fails.
set -eu

root=$(cd "$1" && pwd -P)
app="$root/lib/app"
java="$root/lib/runtime/bin/java"
cfg="$app/scantill.cfg"
[ -f "$cfg" ] || { echo "training-run: no $cfg" >&2; exit 2; }

# The class path and JVM options exactly as the launcher gives them ($APPDIR is lib/app): an archive
# is only used with the class path it was made with.
classpath=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s#\\\$APPDIR#$app#g" | paste -sd: -)
options=$(sed -n 's/^java-options=//p' "$cfg" | grep -v 'SharedArchiveFile' | sed "s#\\\$APPDIR#$app#g" | tr '\n' ' ')

work=$(mktemp -d "${TMPDIR:-/tmp}/scantill-training.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
: > "$work/empty.properties"

# A clean environment and a throw-away home, config and data folder: the run never sees a Stripe key,
# a user's settings or a real journal, and always uses the embedded sandbox on 127.0.0.1.
# shellcheck disable=SC2086 # options are single words, split on purpose
if ! env -i PATH=/usr/bin:/bin HOME="$work" LANG=C.UTF-8 \
    "$java" $options \
    -XX:ArchiveClassesAtExit="$work/scantill.jsa" \
    -Duser.home="$work" -Dscantill.exitAfterSale=true \
    -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Djava.awt.headless=true \
    -cp "$classpath" 'app.scantill.app.BenchmarkTillApp$Launcher' \
    --config="$work/empty.properties" --data.dir="$work/data" --catalog="$app/assets/catalog.csv" \
    > "$work/out" 2> "$work/err" < /dev/null; then
  echo "training-run: the app exited with an error" >&2
  cat "$work/out" "$work/err" >&2
  exit 1
fi
if ! grep -q '^SALE_DONE' "$work/out" || [ ! -s "$work/scantill.jsa" ]; then
  echo "training-run: no sandbox sale or no archive" >&2
  cat "$work/out" "$work/err" >&2
  exit 1
fi

# -Xshare:on refuses to start when the archive does not fit this runtime and class path.
# shellcheck disable=SC2086
if ! "$java" $options -Xshare:on -XX:SharedArchiveFile="$work/scantill.jsa" -cp "$classpath" -version \
    > "$work/check" 2>&1; then
  echo "training-run: the new archive does not map" >&2
  cat "$work/check" >&2
  exit 1
fi
mv -f "$work/scantill.jsa" "$app/scantill.jsa"
chmod 644 "$app/scantill.jsa"
echo "training-run: $app/scantill.jsa ($(du -k "$app/scantill.jsa" | cut -f1) KiB)"
