#!/usr/bin/env bash
# Builds target/dist: an application image (own runtime, JavaFX as modules) and a Debian package.
# Called by `mvn -Pdist package` (pom.xml, profile dist) as:
#   build-dist.sh POM_VERSION JAVA_HOME CLASSES_DIR OUT_DIR RUNTIME_CLASSPATH
# Needs the JDK's jpackage/jlink/jmod/jdeps, dpkg-deb and fakeroot (Debian: dpkg-dev fakeroot),
# asciidoctor for the man pages (CLASSES_DIR/../man/*.adoc, written by the pom's man-pages step), and
# for the class-data-sharing training run xvfb-run, xdotool, unshare and mount (util-linux); it runs
# as root or in a user namespace (unshare --map-root-user).
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
train_capture=$project/samples/pasv-curl.pcap

for tool in jar jmod jdeps jpackage; do
  [ -x "$jdk/$tool" ] || { echo "build-dist: $jdk/$tool is missing (a full JDK 17 is needed)" >&2; exit 1; }
done
for tool in dpkg-deb fakeroot xvfb-run xdotool unshare asciidoctor; do
  command -v "$tool" >/dev/null || {
    echo "build-dist: $tool is missing (apt-get install dpkg-dev fakeroot xvfb xauth xdotool asciidoctor)" >&2; exit 1; }
done
man_adoc=$(dirname "$classes")/man
[ -f "$man_adoc/$name.adoc" ] || { echo "build-dist: no $man_adoc/$name.adoc (the pom's man-pages step)" >&2; exit 1; }

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
modules=$(echo "$jdk_modules,$fx_modules" | tr , "\n" | sort -u | paste -sd,)
echo "build-dist: runtime modules: $modules"

# 3. The application image, with the launcher's JVM options (docs/install.md says why each is there):
#    - MaxRAMPercentage=50: ftpscope's limits are shares of the heap (docs/limits.md), and the JVM's
#      default of a quarter of the RAM halves the capture a desktop can open;
#    - UseCompressedOops, set explicitly: the archive is dumped with compressed references, and with
#      MaxRAMPercentage alone a machine of 60 GB or more gets a heap over ~30 GiB without them, on
#      which the archive is silently not used; set, it caps the heap at ~30 GiB instead;
#    - SharedArchiveFile: the class-data archive made in step 5 for the installed path;
#    - JVM warnings to stderr: by default unified logging writes them to stdout, where they would
#      corrupt `analyze`'s JSON (an unusable archive is such a warning; the JVM then runs without it).
install_dir=/opt
app_dir=$install_dir/$name
archive=ftpscope.jsa
java_options=(
  --java-options "-XX:MaxRAMPercentage=50"
  --java-options "-XX:+UseCompressedOops"
  --java-options "-XX:SharedArchiveFile=\$APPDIR/$archive"
  --java-options "-Xlog:disable"
  --java-options "-Xlog:all=warning:stderr"
)
"$jdk/jpackage" --type app-image --dest "$out/image" --name "$name" --app-version "$pkg_version" \
  --vendor "ftpscope" --description "Offline packet-capture analyzer for FTP" \
  --icon "$project/icons/ftpscope-256.png" \
  --input "$out/input" --main-jar "$name.jar" --main-class org.ftpscope.Main \
  --module-path "$out/jmods" --add-modules "$modules" "${java_options[@]}" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files"
image=$out/image/$name

# 4. The Debian package, first as jpackage makes it (its runtime dependencies found with dpkg -S).
#    jpackage copies the image without keeping modification times, and a class-data archive names
#    its jars by path, size and time; so the archive is made in the package's own tree (step 5) and
#    the package rebuilt from it (step 6). Uncompressed here, compressed once in step 6.
DPKG_DEB_COMPRESSOR_TYPE=none "$jdk/jpackage" --type deb --app-image "$image" --dest "$out/work/jpackage" \
  --name "$name" --app-version "$pkg_version" --vendor "ftpscope" \
  --description "Offline packet-capture analyzer for FTP" --install-dir "$install_dir" \
  --linux-app-category net --linux-deb-maintainer "ftpscope developers <ftpscope@localhost>"
deb=$(ls "$out"/work/jpackage/*.deb)
tree=$out/work/tree
dpkg-deb -R "$deb" "$tree"

# 5. AppCDS: class lists of two training runs of the installed launcher (the window opening a
#    sample, and `analyze` of it) dumped into one static archive, with the package's tree mounted
#    at /opt/ftpscope in a private mount namespace so the archive records the installed paths
#    (src/dist/cds-training.sh). It holds the JDK's classes too, so the runtime carries no default
#    CDS archive of its own (no jlink --generate-cds-archive).
train_log=$out/work/training.log
userns=()
[ "$(id -u)" = 0 ] || userns=(--map-root-user)
unshare "${userns[@]}" --mount --propagation private bash "$here/cds-training.sh" \
  "$tree$app_dir" "$app_dir" "$train_capture" "$out/work" >"$train_log" 2>&1 \
  || { cat "$train_log" >&2; echo "build-dist: training run failed" >&2; exit 1; }
[ -s "$tree$app_dir/lib/app/$archive" ] || { cat "$train_log" >&2; echo "build-dist: no $archive" >&2; exit 1; }
grep '^cds-training:' "$train_log" | sed 's/^cds-training/build-dist/'
echo "build-dist: AppCDS archive $(du -h "$tree$app_dir/lib/app/$archive" | cut -f1)"

# 6. The final package, from the tree with the archive (dpkg-deb keeps the files' times), plus the
#    desktop files as files of the package rather than jpackage's xdg-utils calls in postinst
#    (xdg-desktop-menu fails on a machine without /etc/xdg/menus): dpkg then removes them itself,
#    and the triggers of desktop-file-utils, shared-mime-info and the icon cache update the
#    databases. /usr/bin/ftpscope is a symlink of the package too.
mkdir -p "$tree/usr/bin" "$tree/usr/share/applications" "$tree/usr/share/mime/packages"
ln -s "$app_dir/bin/$name" "$tree/usr/bin/$name"
cp "$here/linux/$name.desktop" "$tree/usr/share/applications/$name.desktop"
cp "$here/linux/$name-mime.xml" "$tree/usr/share/mime/packages/$name.xml"
for size in 16 32 48 64 128 256; do
  d=$tree/usr/share/icons/hicolor/${size}x$size/apps
  mkdir -p "$d"
  cp "$project/icons/$name-$size.png" "$d/$name.png"
done
# The shell completion and the man pages (ftpscope(1), ftpscope-frames(1) ...), from the CLI's own
# declarations: the completion script as `ftpscope generate-completion` prints it.
mkdir -p "$tree/usr/share/bash-completion/completions" "$tree/usr/share/man/man1" "$out/work/man"
"$jdk/java" -cp "$classes:$classpath" org.ftpscope.Main generate-completion \
  > "$tree/usr/share/bash-completion/completions/$name"
asciidoctor --failure-level WARN -b manpage -D "$out/work/man" "$man_adoc"/*.adoc
for page in "$out"/work/man/*.1; do
  gzip -9n < "$page" > "$tree/usr/share/man/man1/$(basename "$page").gz"
done
chmod -R u+rwX,go+rX,go-w "$tree/usr"
# Without them the launcher still works, but xdg-open and the menus do not know ftpscope.
sed -i "/^Depends:/a Recommends: desktop-file-utils, shared-mime-info, xdg-utils" "$tree/DEBIAN/control"
version_deb=$(dpkg-deb -f "$deb" Version)
# A snapshot sorts before its release (~) and after older snapshots (the commit's UTC time), so
# `apt install ./ftpscope_….deb` of a newer build is an upgrade: 0.1.0~snapshot20261201145815.e81f3a8be9b8-1.
if [[ $version == *-SNAPSHOT ]]; then
  commit=$(sed -n 's/^commit=\([0-9a-f]*\).*/\1/p' "$classes/org/ftpscope/build.properties")
  stamp=$(TZ=UTC git -C "$project" log -1 --format=%cd --date=format-local:%Y%m%d%H%M%S 2>/dev/null || true)
  version_deb="$pkg_version~snapshot${stamp}${commit:+.$commit}-1"
  sed -i "s/^Version: .*/Version: $version_deb/" "$tree/DEBIAN/control"
fi
sed -i "s/^Installed-Size: .*/Installed-Size: $(du -sk --exclude=DEBIAN "$tree" | cut -f1)/" "$tree/DEBIAN/control"
DPKG_DEB_COMPRESSOR_TYPE=xz DPKG_DEB_COMPRESSOR_LEVEL=${FTPSCOPE_DEB_XZ_LEVEL:-1} \
  fakeroot dpkg-deb --root-owner-group -b "$tree" "$out/${name}_${version_deb}_amd64.deb" >/dev/null
echo "build-dist: $out/${name}_${version_deb}_amd64.deb ($(du -h "$out/${name}_${version_deb}_amd64.deb" | cut -f1))"
