#!/usr/bin/env bash
# `make run`'s last step: the web server and `gongkai worker` beside it. When the server
# stops (Ctrl-C, a failure, SIGTERM to this script), the worker is sent one SIGTERM, finishes
# the task it is running, and is waited for.
#
#   scripts/serve-with-worker.sh GONGKAI PORT
set -uo pipefail

gongkai=${1:?usage: serve-with-worker.sh GONGKAI PORT}
port=${2:-8000}

# The worker in a session of its own: a Ctrl-C in the terminal does not reach it, so it gets
# the single signal sent below (a second one would interrupt its task).
setsid "$gongkai" worker &
worker=$!
"$gongkai" serve --port "$port" &
server=$!

stop() {
    kill -TERM "$server" "$worker" 2>/dev/null
    wait "$server" "$worker" 2>/dev/null
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Waiting in the background lets the traps run at once; a server that fails ends it too.
wait "$server"
