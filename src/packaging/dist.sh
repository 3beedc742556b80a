#!/usr/bin/env bash
# Builds the installable ScanTill: a jlink-trimmed runtime, a jpackage app image with its class-data
# archive, and the platform's package (.deb on Linux, .msi on Windows, .dmg on macOS).
# Run by `mvn -Pdist package` (which sets the variables below); see docs/packaging.md.
#
#   APP_JAR       the app's jar            TRAINING_JAR  BenchmarkTillApp (the training run's driver)
#   DEPS_DIR      runtime dependencies + Monocle, as Maven copied them
#   VERSION       the project version      JVM_FLAGS     the app's JVM flags (pom property app.jvmFlags)
#   DIST_DIR      where everything goes    DIST_TYPES    "app-image deb" (default) or "app-image"
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
: "${APP_JAR:?}" "${TRAINING_JAR:?}" "${DEPS_DIR:?}" "${VERSION:?}" "${JVM_FLAGS:?}" "${DIST_DIR:?}"
DIST_TYPES=${DIST_TYPES:-app-image deb}
NAME=scantill
# jpackage wants 1 to 3 dot-separated numbers.
PACKAGE_VERSION=${VERSION%%-*}
DESCRIPTION="Point-of-sale till: a cart, Stripe Checkout by QR code (Amazon Pay or card), a durable sales journal."

case "$(uname -s)" in
  Linux) platform=linux ;;
  Darwin) platform=mac ;;
  MINGW* | MSYS* | CYGWIN*) platform=windows ;;
  *) echo "dist: unsupported system $(uname -s)" >&2; exit 2 ;;
esac

started=$(date +%s)
step() { echo "[dist $(( $(date +%s) - started ))s] $*"; }

input="$DIST_DIR/input"
runtime="$DIST_DIR/runtime"
images="$DIST_DIR/image"
rm -rf "$input" "$runtime" "$images" "$DIST_DIR/deb-image" "$DIST_DIR/deb-resources"
mkdir -p "$input/assets" "$images"

step "app input: jars, native libraries, the sample catalog"
cp "$APP_JAR" "$input/$NAME.jar"
cp "$TRAINING_JAR" "$input/$NAME-training.jar"
for jar in "$DEPS_DIR"/*.jar; do
  # JavaFX's platform-neutral jars hold no classes (only the -linux/-win/-mac ones do): leave them out.
  # (grep reads the whole listing: with -q it would stop early and, under pipefail, fail the test.)
  if unzip -Z1 "$jar" | grep '\.class$' > /dev/null; then
    cp "$jar" "$input/"
  fi
done
# JavaFX loads its native libraries from the folder of its jar when they are there; otherwise it
# unpacks them into ~/.openjfx/cache at first start. Unpacked once here, the installed app writes nothing
# outside the user's ScanTill folders, and jpackage sees the libraries (the .deb's dependencies).
for jar in "$input"/javafx-graphics-*.jar; do
  unzip -q -o "$jar" '*.so' '*.dll' '*.dylib' -d "$input" 2>/dev/null || true
done
# SQLite's native library beside the jars too (Linux): sqlite-jdbc otherwise runs `uname`, copies it out of
# its jar into the temporary folder and loads it from there at every start (ADR 0191).
if [ "$platform" = linux ]; then
  for jar in "$input"/sqlite-jdbc-*.jar; do
    unzip -q -j -o "$jar" "org/sqlite/native/Linux/$(uname -m)/libsqlitejdbc.so" -d "$input"
  done
fi
cp "$repo/assets/catalog.csv" "$input/assets/catalog.csv"
cp "$here/training-run.sh" "$input/training-run.sh"

step "JDK modules (jdeps)"
modules=$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps "$input"/*.jar)
# Not visible to jdeps, needed at run time: jdk.crypto.ec for TLS to api.stripe.com (ECDHE, ECDSA
# certificates), jdk.localedata for number and currency formats outside English locales.
modules="$modules,jdk.crypto.ec,jdk.localedata"
echo "  $modules"

step "runtime (jlink)"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --generate-cds-archive --output "$runtime"

step "app image (jpackage)"
java_options=()
for flag in $JVM_FLAGS; do
  java_options+=(--java-options "$flag")
done
icon="$repo/assets/$NAME.png"
case "$platform" in
  linux)
    # The class-data archive made by the training run below (ADR 0090). Only on Linux: on JDK 17 an
    # archive is tied to the jar paths it was made with, and only the .deb can make it where it installs.
    # SQLite's library from lib/app as unpacked above, not from a temporary copy (ADR 0191).
    java_options+=(--java-options '-XX:SharedArchiveFile=$APPDIR/scantill.jsa'
      --java-options '-Dorg.sqlite.lib.path=$APPDIR' --java-options '-Dorg.sqlite.lib.name=libsqlitejdbc.so') ;;
  mac) icon="$repo/assets/$NAME.icns" ;;
  windows) icon="$repo/assets/$NAME.ico" ;;
esac
jpackage --type app-image --name "$NAME" --app-version "$PACKAGE_VERSION" --vendor ScanTill \
  --description "$DESCRIPTION" --icon "$icon" \
  --input "$input" --main-jar "$NAME.jar" --main-class app.scantill.app.Main \
  --runtime-image "$runtime" "${java_options[@]}" --dest "$images"
image="$images/$NAME"
[ "$platform" = mac ] && image="$images/$NAME.app"

if [ "$platform" = linux ]; then
  step "class-data archive (training run: start headless, one sandbox sale, quit)"
  sh "$image/lib/app/training-run.sh" "$image"
fi

if [[ " $DIST_TYPES " == *" deb "* && "$platform" = linux ]]; then
  step "Debian package (jpackage --type deb)"
  "$here/linux/ensure-deb-tools.sh"
  # The archive above fits this folder only; the package makes its own after installing (postinst).
  cp -a "$image" "$DIST_DIR/deb-image"
  rm -f "$DIST_DIR/deb-image/lib/app/scantill.jsa"
  mkdir -p "$DIST_DIR/deb-resources"
  for script in postinst prerm; do
    sed "s#@APP_DIR@#/opt/$NAME#g" "$here/linux/$script" > "$DIST_DIR/deb-resources/$script"
  done
  rm -f "$DIST_DIR"/*.deb
  jpackage --type deb --app-image "$DIST_DIR/deb-image" --name "$NAME" --app-version "$PACKAGE_VERSION" \
    --vendor ScanTill --description "$DESCRIPTION" --icon "$icon" --install-dir /opt \
    --resource-dir "$DIST_DIR/deb-resources" --linux-shortcut --linux-menu-group Office \
    --linux-app-category misc --dest "$DIST_DIR"
  ls -l "$DIST_DIR"/*.deb
fi

if [[ " $DIST_TYPES " == *" msi "* && "$platform" = windows ]]; then
  step "Windows installer (jpackage --type msi; needs WiX 3 on the PATH)"
  jpackage --type msi --app-image "$image" --name "$NAME" --app-version "$PACKAGE_VERSION" \
    --vendor ScanTill --description "$DESCRIPTION" --win-menu --win-shortcut --win-dir-chooser \
    --dest "$DIST_DIR"
fi

if [[ " $DIST_TYPES " == *" dmg "* && "$platform" = mac ]]; then
  step "macOS disk image (jpackage --type dmg)"
  jpackage --type dmg --app-image "$image" --name "$NAME" --app-version "$PACKAGE_VERSION" \
    --vendor ScanTill --dest "$DIST_DIR"
fi

step "done: $image ($(du -sh "$image" | cut -f1))"
