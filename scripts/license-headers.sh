#!/usr/bin/env bash
# Checks (or with --fix adds) the license header at the top of every Swift and JavaScript source
# of this repository: Sources, Tests, Benchmarks, Fuzz and the CustomPlugin example. Example apps
# (Examples/*/ other than CustomPlugin's Swift code) are app code for users to copy, and fuzz
# corpus files are inputs: neither carries a header. Package manifests start with their tools
# version line and carry none either.
set -euo pipefail
cd "$(dirname "$0")/.."
marker="SPDX-License-Identifier: Apache-2.0"
header="// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// $marker (see LICENSE)
"
missing=()
while IFS= read -r -d '' file; do
  if ! head -n 3 "$file" | grep -q "$marker"; then missing+=("$file"); fi
done < <(find Sources Tests Benchmarks Fuzz Examples/CustomPlugin/Sources Examples/CustomPlugin/Tests \
  -path Fuzz/Corpus -prune -o -type f \( -name '*.swift' -o -name '*.js' \) -print0)
if [ "${1:-}" = "--fix" ]; then
  for file in "${missing[@]}"; do
    { printf '%s\n' "$header"; cat "$file"; } > "$file.tmp" && mv "$file.tmp" "$file"
  done
  echo "license-headers: added to ${#missing[@]} files"
  exit 0
fi
if [ "${#missing[@]}" -ne 0 ]; then
  printf 'license-headers: missing in %s\n' "${missing[@]}" >&2
  echo "license-headers: run scripts/license-headers.sh --fix" >&2
  exit 1
fi
