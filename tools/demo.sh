#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install, build, index the sample help center in
# articles/, then show searches a customer would make in each language.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/build.sh
./build/tools/anticipa check
./build/tools/anticipa index
demo() {
    echo
    echo "\$ anticipa search \"$1\" --locale $2"
    ./build/tools/anticipa search "$1" --locale "$2" --limit 3
}
demo "forgot my pasword" en
demo "nao consigo entrar na conta" pt
demo "cancelar suscripcion" es
demo "perche non ricevo le notifiche" it
demo "忘记密码怎么办" zh-TW
demo "expor" en
