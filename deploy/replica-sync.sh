#!/usr/bin/env bash
# A read replica's copy of the index: every INTERVAL seconds, Xapian's own replication
# (xapian-replicate, from Debian's xapian-tools) brings each locale database up to the indexing
# host's latest revision. `anticipa serve --index INDEX` on this machine picks up each revision.
#
#   deploy/replica-sync.sh HOST PORT INDEX [INTERVAL]
#
# HOST:PORT is the indexing host's `xapian-replicate-server` over its index folder. Which locales
# exist comes from the catalog `anticipa index` keeps there (.locales, replicated first), so a new
# locale reaches the replicas without a manual step. A locale's first copy is made aside, in
# INDEX/.incoming-<tag>, and renamed into place once whole: xapian-replicate points its stub file
# at an empty database until the first copy ends, which a server would serve as a locale without
# articles. Later revisions are switched in by xapian-replicate itself (its stub file, or
# changesets applied in place when the host keeps them). A locale the catalog no longer lists
# (taken out on the host) is taken out here too, in one rename, then deleted; only folders that
# replication made (a XAPIANDB stub) are ever touched. Runs until stopped; one round failing is
# retried next round.
set -uo pipefail

if [ $# -lt 3 ]; then
  echo "usage: $0 HOST PORT INDEX [INTERVAL]" >&2
  exit 2
fi
host=$1 port=$2 index=$3 interval=${4:-10}
mkdir -p "$index" || exit 2

# One database from the host into a folder here; quiet unless it fails. A host that stops
# answering fails the round after 60 s instead of holding it forever.
replicate() {
  local name=$1 folder=$2 output
  if ! output=$(xapian-replicate -h "$host" -p "$port" -m "$name" -t 60 -o -q "$folder" 2>&1); then
    echo "replica-sync: $name from $host:$port failed; next round in ${interval}s: $output" >&2
    return 1
  fi
}

sync_round() {
  replicate .locales "$index/.locales" || return
  local listed locale folder
  listed=$(xapian-metadata get "$index/.locales" locales) || return
  for folder in "$index"/*/XAPIANDB; do
    [ -e "$folder" ] || continue
    locale=$(basename "$(dirname "$folder")")
    case " $listed " in *" $locale "*) continue ;; esac
    rm -rf "$index/.removed-$locale"
    mv -T "$index/$locale" "$index/.removed-$locale" && rm -rf "$index/.removed-$locale" &&
      echo "replica-sync: $locale is no longer on $host:$port; no longer served" >&2
  done
  for locale in $listed; do
    case $locale in */* | .*) continue ;; esac  # a tag, never a path
    if [ -e "$index/$locale/XAPIANDB" ]; then
      replicate "$locale" "$index/$locale"
    else
      rm -rf "$index/.incoming-$locale"
      replicate "$locale" "$index/.incoming-$locale" &&
        mv -T "$index/.incoming-$locale" "$index/$locale" &&
        echo "replica-sync: $locale copied; now served" >&2
    fi
  done
}

trap 'exit 0' TERM INT
while :; do
  sync_round
  sleep "$interval" &
  wait $!
done
