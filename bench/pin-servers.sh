#!/bin/sh
# Pins the local database servers to CPU 0, so that the benchmark (on CPU 1, see
# `--cpu`) never shares a core with them. New PostgreSQL backends are forked from
# the postmaster and new MariaDB threads from its own, so they inherit the pinning.
# Run as root (or as the servers' owner); undo with CPU list 0-N, or restart the servers.
set -e
cpu="${1:-0}"
for name in postgres mariadbd mysqld; do
  for pid in $(pgrep -x "$name" || true); do
    taskset -apc "$cpu" "$pid" > /dev/null && echo "pinned $name $pid (all threads) to CPU $cpu"
  done
done
