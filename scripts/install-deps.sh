#!/usr/bin/env bash
# System packages the tests need beyond the .NET SDK: LibreOffice (the PDF of a report is the
# .docx converted headless), poppler (pdftoppm renders PDF pages in tests), fonts, and the PostgreSQL
# server the web tests start a private cluster of (scripts/start-postgres.sh), and Debian's Chromium
# that the browser tests drive through Playwright (Playwright never downloads a browser here), and Node.js with npm
# for the S3-compatible server of the storage tests (s3rver, installed by test.sh with npm ci).
set -euo pipefail
have_postgres() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }
if command -v soffice >/dev/null && command -v pdftoppm >/dev/null && fc-list 2>/dev/null | grep -qi liberation && have_postgres && [ -x /usr/bin/chromium ] && [ -x /usr/sbin/haproxy ] && [ -x /usr/sbin/pgbouncer ] && command -v npm >/dev/null; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install as root: apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation fonts-dejavu-core postgresql chromium haproxy pgbouncer nodejs npm" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  libreoffice-writer-nogui poppler-utils fonts-liberation fonts-dejavu-core fontconfig postgresql chromium haproxy pgbouncer nodejs npm >/dev/null
