#!/usr/bin/env bash
# System packages the tests need beyond the .NET SDK: LibreOffice (the PDF of a report is the
# .docx converted headless), poppler (pdftoppm renders PDF pages in tests) and fonts.
set -euo pipefail
if command -v soffice >/dev/null && command -v pdftoppm >/dev/null && fc-list 2>/dev/null | grep -qi liberation; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install as root: apt-get install libreoffice-writer-nogui poppler-utils fonts-liberation fonts-dejavu-core" >&2
  exit 1
fi
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  libreoffice-writer-nogui poppler-utils fonts-liberation fonts-dejavu-core fontconfig >/dev/null
