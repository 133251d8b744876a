# Helpers the throwaway test servers share (sourced by deploy/*-test.sh, which define `say`).

# The first port from $1 on that nothing listens on at 127.0.0.1.
free_port() {
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
  done
  echo "$port"
}

# Installs Debian's package $1 (root only); apt's output goes to stderr.
apt_install() {
  say "installing Debian's $1"
  [ "$(id -u)" = 0 ] || { say "installing needs root"; exit 1; }
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >&2
}
