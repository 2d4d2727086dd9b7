#!/usr/bin/env bash
# Installs what Anticipa needs to build, test and run on Debian 12, from Debian packages only.
# Idempotent: packages already present are left alone. Needs root (or sudo).
set -euo pipefail

# tests/setup/debian12_test.py checks that each has a Debian 12 candidate.
packages=(
  build-essential cmake ninja-build pkg-config git python3 python3-yaml curl
  libxapian-dev xapian-tools nginx-light libicu-dev libcmark-dev libcpp-httplib-dev libjwt-dev prometheus-cpp-dev
  libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libssl-dev libsqlite3-dev sqlite3 libpq-dev postgresql catch2
  chromium chromium-driver nodejs
  clang libclang-rt-dev
  zlib1g-dev libbz2-dev unicode-data dict-freedict-por-eng dict-freedict-spa-eng dict-freedict-ita-eng
  dict-freedict-eng-por dict-freedict-eng-spa dict-freedict-eng-ita
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" && continue
  missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "setup: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
