#!/bin/sh
# jpackage builds a .deb with dpkg-deb under fakeroot (and asks dpkg which packages provide the
# native libraries, for the dependencies). Installs what is missing from Debian's packages.
set -eu
missing=""
command -v dpkg-deb > /dev/null 2>&1 || missing="$missing dpkg"
command -v fakeroot > /dev/null 2>&1 || missing="$missing fakeroot"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get > /dev/null 2>&1; then
  echo "dist: the .deb needs$missing: install with 'sudo apt-get install$missing'" >&2
  exit 1
fi
echo "dist: installing$missing"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing
