#!/usr/bin/env bash
# Installs the Debian packages HybridContainer needs when they are missing.
# Runs apt-get as root (directly, or through sudo when available); safe to run repeatedly.
set -euo pipefail

# chromium and fonts-noto-cjk: the page engine of PageRenderer (pictures), with CJK glyphs.
packages=(libjavascriptcoregtk-4.1-dev zlib1g-dev libzstd-dev pkg-config chromium fonts-noto-cjk)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

echo "setup: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    echo "setup: need root to install ${missing[*]} (run: apt-get install -y ${missing[*]})" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
pkg-config --exists javascriptcoregtk-4.1 || { echo "setup: javascriptcoregtk-4.1 still not found by pkg-config" >&2; exit 1; }
