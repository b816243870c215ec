#!/usr/bin/env bash
# Vendors Apache ECharts (Apache-2.0) into the intelligence app's static files: the minified
# build with its LICENSE and NOTICE, fetched once from the npm registry with `npm pack` and
# committed. Nothing is fetched at run time; the chart pages load this file from our own
# static files. To update: change VERSION, run this script, run the chart tests, commit.
set -euo pipefail

VERSION="${1:-6.1.0}"
TARGET="$(cd "$(dirname "$0")/.." && pwd)/src/gongkai/web/intelligence/static/intelligence/vendor/echarts"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

(cd "$WORK" && npm pack --silent "echarts@$VERSION" >/dev/null)
tar -xzf "$WORK/echarts-$VERSION.tgz" -C "$WORK" \
    package/dist/echarts.min.js package/LICENSE package/NOTICE package/licenses/LICENSE-d3
mkdir -p "$TARGET"
# .txt names: the package data of pyproject.toml ships them with the script
cp "$WORK/package/dist/echarts.min.js" "$TARGET/"
cp "$WORK/package/LICENSE" "$TARGET/LICENSE.txt"
cp "$WORK/package/NOTICE" "$TARGET/NOTICE.txt"
cp "$WORK/package/licenses/LICENSE-d3" "$TARGET/LICENSE-d3.txt"
digest="$(sha256sum "$TARGET/echarts.min.js" | cut -d' ' -f1)"
cat > "$TARGET/VERSION.txt" <<NOTE
echarts $VERSION
sha256 $digest
NOTE
echo "ECharts $VERSION vendored in $TARGET (sha256 $digest)"
