# Sourced by the scripts here: `apt_need PACKAGE…` installs the Debian packages among those that are
# missing (with sudo when not root), and does nothing when all are there. Returns 1 without apt.
apt_need() {
    command -v apt-get >/dev/null 2>&1 || return 1
    local missing=() p sudo_=""
    for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing what is needed: ${missing[*]}"
    [ "$(id -u)" -ne 0 ] && sudo_="sudo"
    $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
