# Sourced by the project's scripts: find_jdk prints the home of a JDK 21 or newer, or fails. The launcher runs it at
# every start, so it reads the candidates' release files with shell builtins: a process per candidate cost tens of
# milliseconds of the server's startup.
java_version() { # sets version to the feature version of the JDK in $1, or to nothing
  local line
  version=""
  [ -r "$1/release" ] || return 0
  while IFS= read -r line; do
    if [[ $line =~ ^JAVA_VERSION=\"([0-9]+) ]]; then
      version="${BASH_REMATCH[1]}"
      return 0
    fi
  done <"$1/release"
}

find_jdk() {
  local candidate version on_path=""
  if on_path="$(command -v java)"; then
    on_path="$(readlink -f "$on_path")"
    on_path="${on_path%/bin/java}"
  fi
  for candidate in "${JAVA_HOME:-}" "$on_path" \
      /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    java_version "$candidate"
    if [ -n "$version" ] && [ "$version" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
