#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests when it is missing, then
# print its version. Needs root (or sudo) only when Chromium is absent.
set -euo pipefail

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium from Debian (for the browser tests)..."
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
chromium --version
