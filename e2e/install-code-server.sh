#!/bin/sh
# install-code-server.sh [DIR]  — GitHub-free install of code-server 4.100.3 (VS Code 1.100.3)
# from the npm registry only, for the end-to-end tests in test/e2e/.
#
# Follows shared/reference/real-editor-testing.md §2 exactly: a plain `npm install code-server`
# downloads ripgrep and kerberos prebuilds from GitHub and fails offline.
# Needs Node 20, a C++ toolchain and the Debian packages `libkrb5-dev ripgrep`.
#
# Idempotent and cached: does nothing when DIR/node_modules/.bin/code-server --version already
# prints 4.100.3. DIR defaults to e2e/code-server next to this script.
set -eu
WANT=4.100.3
DIR=${1:-"$(cd "$(dirname "$0")" && pwd)/code-server"}
DIR=$(cd "$DIR" && pwd)
CS="$DIR/node_modules/.bin/code-server"

# The first run on a machine logs "Wrote default config file …" before the version, so the version
# is looked for on every line rather than the first.
if [ -x "$CS" ] && "$CS" --version 2>/dev/null | grep -q "^$WANT "; then
  echo "code-server $WANT already installed in $DIR"
  exit 0
fi

case "$(node --version)" in
  v20.*) ;;
  *) echo "install-code-server.sh: code-server $WANT needs Node 20, found $(node --version)" >&2; exit 1 ;;
esac
for tool in rg g++ make python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "install-code-server.sh: '$tool' is missing (apt-get install -y libkrb5-dev ripgrep build-essential python3)" >&2; exit 1; }
done
[ -e /usr/include/gssapi/gssapi.h ] || { echo "install-code-server.sh: gssapi.h is missing (apt-get install -y libkrb5-dev)" >&2; exit 1; }

start=$(date +%s)
export npm_config_yes=true            # node-pty's post-install runs `npx node-gyp`
cd "$DIR"
rm -rf node_modules                   # a half-finished earlier attempt must not be reused
npm ci --ignore-scripts --no-audit --no-fund
npm rebuild argon2                    # NOT code-server itself (its postinstall downloads ripgrep)
cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts --no-audit --no-fund   # shrinkwrap out of sync -> not `npm ci`
mkdir -p node_modules/@vscode/ripgrep/bin && ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm rebuild --unsafe-perm             # node-gyp builds: node-pty, @vscode/spdlog, kerberos, native-watchdog, ...
rm -rf node_modules.asar && ln -s node_modules node_modules.asar   # what postinstall.sh does
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
cd extensions && npm ci --omit=dev --no-audit --no-fund

cd "$DIR"
output=$("$CS" --version 2>&1) || true
if ! printf '%s\n' "$output" | grep -q "^$WANT "; then
  echo "install-code-server.sh: $CS --version prints '$output', not $WANT" >&2; exit 1
fi
echo "code-server $WANT installed in $DIR in $(( $(date +%s) - start )) s"
