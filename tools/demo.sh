#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: install, build, index the sample help center in
# articles/, show searches a customer would make in each language, then serve the search API on
# 127.0.0.1:8080 until stopped.
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

echo
echo "Serving the help center's search API on http://127.0.0.1:8080 (Ctrl+C or SIGTERM stops it)"
echo "  try: curl 'http://127.0.0.1:8080/api/v1/search?q=esqueci%20minha%20senha&locale=pt'"
echo "  then: ./build/tools/anticipa-traffic --server http://127.0.0.1:8080 --tier-secret demo-tier-secret-change-me"
echo "        ./build/tools/anticipa gaps            (the content plan; also http://127.0.0.1:8080/admin, token demo-admin-token)"
exec ./build/tools/anticipa serve --config tools/demo-serve.yaml
