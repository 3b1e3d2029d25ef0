#!/usr/bin/env bash
# Builds target/dist: an application image (own runtime, JavaFX as modules) and a Debian package.
# Called by `mvn -Pdist package` (pom.xml, profile dist) as:
#   build-dist.sh POM_VERSION JAVA_HOME CLASSES_DIR OUT_DIR RUNTIME_CLASSPATH
# Needs the JDK's jpackage/jlink/jmod, dpkg-deb and fakeroot; xvfb-run for the window's share of
# the class-data-sharing archive (without it the archive covers the command line only, and says so).
set -euo pipefail

version=$1 java_home=$2 classes=$3 out=$4 classpath=$5
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../.." && pwd)
jdk=$java_home/bin
# Debian versions and jpackage's --app-version want digits: 0.1.0-SNAPSHOT is packaged as 0.1.0;
# `ftpscope --version` still prints the pom's version.
pkg_version=${version%-SNAPSHOT}
name=ftpscope
# What the window needs; the rest of the JDK comes from what jdeps finds in the app's jars.
fx_modules=javafx.controls,javafx.swing
# jdk.management: the DiagnosticCommand MBean (JitDirectives) is looked up by name, which jdeps
# cannot see. jdk.charsets: FTP names decoded in legacy charsets. jdk.zipfs: none; jdk.crypto: none.
extra_modules=jdk.management,jdk.charsets
train_capture=$project/samples/pasv-curl.pcap

for tool in jar jmod jdeps jpackage; do
  [ -x "$jdk/$tool" ] || { echo "build-dist: $jdk/$tool is missing (a full JDK 17 is needed)" >&2; exit 1; }
done
for tool in dpkg-deb fakeroot; do
  command -v "$tool" >/dev/null || { echo "build-dist: $tool is missing (apt-get install dpkg-dev fakeroot)" >&2; exit 1; }
done

rm -rf "$out"
mkdir -p "$out/input" "$out/jmods" "$out/fxjars" "$out/work"

# 1. The app's own jar (non-modular, on the class path) and its non-JavaFX dependencies.
"$jdk/jar" --create --file "$out/input/$name.jar" --main-class org.ftpscope.Main -C "$classes" .
IFS=: read -ra entries <<< "$classpath"
for e in "${entries[@]}"; do
  [ "$e" = "$classes" ] && continue
  case "$(basename "$e")" in
    javafx-*-linux.jar) cp "$e" "$out/fxjars/" ;;
    javafx-*.jar) ;;  # the jars without a classifier are empty; the -linux ones hold the classes
    *.jar) cp "$e" "$out/input/" ;;
    *) echo "build-dist: unexpected class-path entry $e" >&2; exit 1 ;;
  esac
done

# 2. JavaFX as jmods, native libraries apart: jlink puts them into the runtime's lib/, where
#    JavaFX's loader finds them. Linked from the jars instead, they stay resources that JavaFX
#    copies to ~/.openjfx/cache on first start.
for j in "$out"/fxjars/*.jar; do
  module=$("$jdk/jar" --describe-module --file "$j" | head -1 | sed 's/@.*//')
  mversion=$("$jdk/jar" --describe-module --file "$j" | head -1 | sed 's/^[^@]*@\([^ ]*\).*/\1/')
  d=$out/work/$module
  mkdir -p "$d/classes" "$d/lib"
  (cd "$d/classes" && "$jdk/jar" -xf "$j")
  find "$d/classes" -maxdepth 1 -name '*.so' -exec mv {} "$d/lib/" \;
  # META-INF: the manifest and GraalVM native-image configs; javafx-swt.jar: SWT interop, unused.
  rm -rf "$d/classes/META-INF" "$d/classes/javafx-swt.jar"
  libs=()
  [ -n "$(ls -A "$d/lib")" ] && libs=(--libs "$d/lib")
  "$jdk/jmod" create --class-path "$d/classes" "${libs[@]}" --module-version "$mversion" \
    --target-platform linux-amd64 "$out/jmods/$module.jmod"
done

jdk_modules=$("$jdk/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps \
  --module-path "$out/fxjars" --class-path "$out/input/*" "$out/input/$name.jar")
modules=$jdk_modules,$fx_modules,$extra_modules
echo "build-dist: runtime modules: $modules"

# 3. The application image. Launcher options: see docs/install.md for why each one is there.
"$jdk/jpackage" --type app-image --dest "$out/image" --name "$name" --app-version "$pkg_version" \
  --vendor "ftpscope" --description "Offline packet-capture analyzer for FTP" \
  --icon "$project/icons/ftpscope-256.png" \
  --input "$out/input" --main-jar "$name.jar" --main-class org.ftpscope.Main \
  --module-path "$out/jmods" --add-modules "$modules" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --generate-cds-archive"
image=$out/image/$name
"$image/bin/$name" --version
