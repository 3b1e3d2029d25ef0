#!/usr/bin/env bash
# The AppCDS archive, made inside a private mount namespace (build-dist.sh step 5):
#   cds-training.sh TREE_APP_DIR INSTALL_DIR CAPTURE WORK_DIR
# mounts TREE_APP_DIR at INSTALL_DIR (over an empty tmpfs parent, so nothing on the host changes)
# so that the archive records the installed class path, then drives the installed launcher by
# swapping its cfg's -XX:SharedArchiveFile line:
#   1. the window opening CAPTURE under Xvfb, until its title shows the capture loaded, ended by
#      SIGTERM, with -XX:DumpLoadedClassList;
#   2. `analyze CAPTURE`, with -XX:DumpLoadedClassList;
#   3. -Xshare:dump of both lists into one static archive (JDK and application classes);
#   4. the cfg restored, and the launcher started once with -Xshare:on, which fails if the
#      archive does not map.
set -euo pipefail
tree_app=$1 install=$2 capture=$3 work=$4
name=$(basename "$install")
parent=$(dirname "$install")
mount -t tmpfs tmpfs "$parent"
mkdir -p "$install"
mount --bind "$tree_app" "$install"
launcher=$install/bin/$name
cfg=$install/lib/app/$name.cfg
orig=$work/$name.cfg.orig
cp "$cfg" "$orig"
grep -q '^java-options=-XX:SharedArchiveFile=' "$orig" || { echo "cds-training: no SharedArchiveFile line in $cfg" >&2; exit 1; }
with_options() {  # replaces the archive line of the cfg by the given java-options lines
  local lines=""
  for o in "$@"; do lines+="java-options=$o\n"; done
  sed "s|^java-options=-XX:SharedArchiveFile=.*|${lines%\\n}|" "$orig" > "$cfg"
}
archive_option=$(sed -n 's/^java-options=-XX:SharedArchiveFile=//p' "$orig")

# 1. The window. Preferences (recent files) go to the work directory, not the builder's home.
with_options "-XX:DumpLoadedClassList=$work/classes-window.lst"
title="$(basename "$capture") — $name"
JAVA_TOOL_OPTIONS="-Djava.util.prefs.userRoot=$work/prefs" xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
  "$1" "$2" & app=$!
  # Up to 120 s for the window: the build machine may be busy.
  if timeout 120 xdotool search --sync --name "^$3\$" >/dev/null; then
    sleep 2; kill -TERM $app; wait $app || true; exit 0
  fi
  kill -KILL $app; echo "cds-training: no window titled \"$3\"" >&2; exit 1
' training "$launcher" "$capture" "$title"

# 2. The command line.
with_options "-XX:DumpLoadedClassList=$work/classes-analyze.lst"
"$launcher" analyze "$capture" > /dev/null

# 3. One list (comments dropped, each line once, the window's order first), one archive.
cat "$work/classes-window.lst" "$work/classes-analyze.lst" | grep -v '^#' | awk '!seen[$0]++' > "$work/classes.lst"
echo "cds-training: $(wc -l < "$work/classes-window.lst") + $(wc -l < "$work/classes-analyze.lst") → $(wc -l < "$work/classes.lst") class-list lines"
with_options -Xshare:dump "-XX:SharedClassListFile=$work/classes.lst" "-XX:SharedArchiveFile=$archive_option"
"$launcher" --version

# 4. The cfg as it is installed, and the archive checked where it will be installed.
cp "$orig" "$cfg"
JAVA_TOOL_OPTIONS=-Xshare:on "$launcher" --version
