#!/bin/bash
# A stand-in for systemctl in the package test's Debian root, where no systemd runs (a chroot): installed as
# /usr/bin/systemctl together with /run/systemd/system, so that the maintainer scripts take their systemd
# branch. It logs every call to /run/fake-systemd/calls.log and keeps one simple service at a time the way
# systemd would for a Type=simple unit:
#   start / stop / restart / try-restart / is-active / enable [--now] / disable / is-enabled / daemon-reload,
#   show -p MainPID --value
# The unit is read from /usr/lib/systemd/system/UNIT and its drop-ins in /etc/systemd/system/UNIT.d/*.conf
# (ExecStart=, an empty one resets it; User=, Group=, UMask=, Environment=, ConditionPathExists=,
# StateDirectory= and StateDirectoryMode=). The process runs as User/Group (setpriv) with its output appended to
# /run/fake-systemd/UNIT.log. Sandboxing directives and Restart= are not applied; it is a test double, not systemd.
set -u

state=/run/fake-systemd
mkdir -p "$state"
echo "$*" >>"$state/calls.log"

unit_name() {
    case "$1" in
        *.*) echo "$1" ;;
        *) echo "$1.service" ;;
    esac
}
unit_file() { echo "/usr/lib/systemd/system/$1"; }

# Prints KEY=VALUE lines of the [Service] and [Unit] sections, unit file first, then the drop-ins in order.
unit_settings() {
    local unit=$1 f
    for f in "$(unit_file "$unit")" /etc/systemd/system/"$unit".d/*.conf; do
        [ -f "$f" ] || continue
        sed -n -e 's/^[[:space:]]*//' -e '/^[A-Za-z]*=/p' "$f"
    done
}

main_pid() {
    local pid
    pid=$(cat "$state/$1.pid" 2>/dev/null) || return 1
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ "$(readlink /proc/"$pid"/root)" = / ] || return 1
    echo "$pid"
}

start_unit() {
    local unit=$1 line key value exec='' user=root group='' umask_value=0022 state_dir='' state_mode=0755 \
        conditions=() env=() word
    [ -f "$(unit_file "$unit")" ] || { echo "Unit $unit not found." >&2; return 5; }
    main_pid "$unit" >/dev/null && return 0
    while IFS= read -r line; do
        key=${line%%=*} value=${line#*=}
        case "$key" in
            ExecStart) exec=$value ;;
            User) user=$value ;;
            Group) group=$value ;;
            UMask) umask_value=$value ;;
            Environment) [ -z "$value" ] && env=() || env+=("$value") ;;
            ConditionPathExists) [ -z "$value" ] && conditions=() || conditions+=("$value") ;;
            StateDirectory) state_dir=$value ;;
            StateDirectoryMode) state_mode=$value ;;
        esac
    done < <(unit_settings "$unit")
    for word in "${conditions[@]}"; do
        # Like systemd: an unmet condition skips the start without an error.
        [ -e "$word" ] || { echo "condition failed: ConditionPathExists=$word" >>"$state/$unit.log"; return 0; }
    done
    [ -n "$exec" ] || { echo "$unit has no ExecStart" >&2; return 1; }
    group=${group:-$user}
    if [ -n "$state_dir" ] && [ ! -d "/var/lib/$state_dir" ]; then
        install -d -m "$state_mode" -o "$user" -g "$group" "/var/lib/$state_dir"
    fi
    # shellcheck disable=SC2086 # ExecStart is split into words, as systemd does (no quoting in our units)
    setsid bash -c 'umask "$1"; shift; exec "$@"' start "$umask_value" \
        env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 "${env[@]}" \
        setpriv --reuid="$user" --regid="$group" --init-groups $exec \
        </dev/null >>"$state/$unit.log" 2>&1 &
    echo $! >"$state/$unit.pid"
    echo "started $unit as pid $! ($exec)" >>"$state/$unit.log"
}

stop_unit() {
    local unit=$1 pid i
    pid=$(main_pid "$unit") || { rm -f "$state/$unit.pid"; return 0; }
    kill -TERM "$pid"
    for ((i = 0; i < 300; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    rm -f "$state/$unit.pid"
    echo "stopped $unit (pid $pid)" >>"$state/$unit.log"
}

wants() { echo "/etc/systemd/system/multi-user.target.wants/$1"; }

now=0 args=()
for a in "$@"; do
    case "$a" in
        --now) now=1 ;;
        --system | --quiet | -q | --no-block | --no-pager) ;;
        *) args+=("$a") ;;
    esac
done
set -- "${args[@]}"
command=${1:-}
shift || true
rc=0
case "$command" in
    daemon-reload) ;;
    start | stop | restart | try-restart | is-active | enable | disable | is-enabled)
        for u in "$@"; do
            unit=$(unit_name "$u")
            case "$command" in
                start) start_unit "$unit" || rc=$? ;;
                stop) stop_unit "$unit" ;;
                restart) stop_unit "$unit"; start_unit "$unit" || rc=$? ;;
                try-restart) if main_pid "$unit" >/dev/null; then stop_unit "$unit"; start_unit "$unit" || rc=$?; fi ;;
                is-active) if main_pid "$unit" >/dev/null; then echo active; else echo inactive; rc=3; fi ;;
                enable)
                    [ -f "$(unit_file "$unit")" ] || { echo "Unit $unit not found." >&2; rc=5; continue; }
                    mkdir -p "$(dirname "$(wants "$unit")")"
                    ln -sf "$(unit_file "$unit")" "$(wants "$unit")"
                    [ $now = 0 ] || start_unit "$unit" || rc=$? ;;
                disable)
                    rm -f "$(wants "$unit")"
                    [ $now = 0 ] || stop_unit "$unit" ;;
                is-enabled) if [ -L "$(wants "$unit")" ]; then echo enabled; else echo disabled; rc=1; fi ;;
            esac
        done ;;
    show)
        # show -p MainPID --value UNIT
        unit=$(unit_name "${!#}")
        main_pid "$unit" || echo 0 ;;
    *) echo "fake systemctl: '$command' is not supported" >&2; rc=1 ;;
esac
exit $rc
