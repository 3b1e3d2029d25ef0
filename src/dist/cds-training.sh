#!/usr/bin/env bash
# The AppCDS training run, inside a private mount namespace (build-dist.sh step 5):
#   cds-training.sh TREE_APP_DIR INSTALL_DIR CAPTURE WORK_DIR
# mounts TREE_APP_DIR at INSTALL_DIR (over an empty tmpfs parent, so nothing on the host changes),
# opens CAPTURE in the window under Xvfb, waits until its title shows the capture loaded, and ends
# the app with SIGTERM; the JVM writes the archive (-XX:ArchiveClassesAtExit) as it exits.
set -euo pipefail
tree_app=$1 install=$2 capture=$3 work=$4
parent=$(dirname "$install")
mount -t tmpfs tmpfs "$parent"
mkdir -p "$install"
mount --bind "$tree_app" "$install"
prefs=$(mktemp -d "$work/prefs.XXXX")
title="$(basename "$capture") — ftpscope"
export JAVA_TOOL_OPTIONS="-Djava.util.prefs.userRoot=$prefs"
xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
  "$1" "$2" & app=$!
  # Up to 120 s for the window: the build machine may be busy.
  if timeout 120 xdotool search --sync --name "^$3\$" >/dev/null; then
    sleep 2; kill -TERM $app; wait $app || true; exit 0
  fi
  kill -KILL $app; echo "cds-training: no window titled \"$3\"" >&2; exit 1
' training "$install/bin/$(basename "$install")" "$capture" "$title"
