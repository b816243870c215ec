#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, only those that are missing:
# PostgreSQL (the second database leg), Chromium (browser tests), CJK fonts (pages and PDFs
# render Chinese), gettext (translation catalogues), Pango (WeasyPrint PDFs), poppler-utils
# (pdftoppm, to look at rendered PDF pages in tests), redis-server (the shared cache's Redis
# path, REDIS_URL), and Node.js with npm where no `npm` is on the PATH (the browser suite's
# axe-core is installed by `npm ci`; a machine with its own Node keeps it).
set -euo pipefail

wanted=(postgresql postgresql-contrib chromium fonts-noto-cjk gettext libpango-1.0-0 libpangoft2-1.0-0 poppler-utils redis-server)
missing=()
for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
        missing+=("$package")
done
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
