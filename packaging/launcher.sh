#!/bin/sh
# Starts the bundled llmcompare-gui from wherever the archive was unpacked.
here=$(dirname "$(readlink -f "$0")")
exec "$here/app/llmcompare-gui" "$@"
