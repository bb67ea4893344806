# Sourced by the launcher and bin/class-data-archive, after bin/jdk.sh and with root set to the project's directory,
# and by the distribution's launcher (with jar set to its server jar): where the server's jar is, the JVM options a
# server runs with, shared so that the class data archive is trained with the options it is mapped with, and the
# start of a server.

# Sets jar to the server's jar, or to nothing before the first build (a glob, not a process: see bin/jdk.sh).
find_jar() {
  local candidate
  jar=""
  for candidate in "$root"/shale-server/target/shale-server-*-all.jar; do
    if [ -e "$candidate" ]; then
      jar="$candidate"
      return 0
    fi
  done
}

# Appends the JVM options of a server run to the options array; JAVA_HOME is the JDK that runs it.
add_server_options() {
  local huge_pages="" native_dir version
  # Tenuring at the first young collection: the in-memory engine's items live on the heap and outlive any request, and
  # G1 would otherwise copy each of them between survivor spaces at every collection until it reached the old
  # generation (16 MB per pause after a 5-second PutItem run, 10-20 ms pauses that GetItem's p99 then showed).
  options+=(-XX:MaxTenuringThreshold=0)
  # Transparent huge pages where the kernel leaves them to the application (its "madvise" mode; "always" needs no
  # flag): a growing in-memory table touches fresh heap every second, and with 4 KB pages each first touch is a page
  # fault - a quarter of the server's CPU under BatchWriteItem here; a fault per 2 MB page instead cut its CPU per
  # request by a fifth (docs/benchmarks.md, finding 17).
  { read -r huge_pages </sys/kernel/mm/transparent_hugepage/enabled; } 2>/dev/null || true
  if [[ $huge_pages == *"[madvise]"* ]]; then options+=(-XX:+UseTransparentHugePages); fi
  # Netty's epoll library and RocksDB's JNI library, unpacked beside the jar by the build (and in the distribution),
  # load in place instead of being copied out of the jar at every start (RocksDB's is 15 MB, and a killed server left
  # its copy behind in the temporary directory).
  native_dir="$(dirname "$jar")/native/META-INF/native"
  if [ -d "$native_dir" ]; then options+=(-Djava.library.path="$native_dir"); fi
  # Netty's own flight recorder events (buffer allocations) are off: registering their classes on the first request
  # took about 80 ms of the time to the first answer; the JVM's own events are unaffected.
  options+=(-Dio.netty.jfr.enabled=false)
  # sun.misc.Unsafe's memory access stays allowed where the JDK has the option (23 and newer): on JDK 25 Netty leaves
  # Unsafe alone unless this option is given, and its fallback frees direct memory through a malloc/free pair it links
  # with the foreign function API, whose method handles took ~150 ms of a core at every start (the first answer came
  # ~100 ms sooner without; requests/s and CPU per request did not change: docs/benchmarks.md, finding 32). JDK 24
  # would print a warning at Netty's first use of Unsafe instead.
  java_version "$JAVA_HOME"
  if [ "$version" -ge 23 ]; then options+=(--sun-misc-unsafe-memory-access=allow); fi
  # Netty's leak detector samples one buffer in 128 and records a stack trace for it: 2-3% of a GetItem's CPU in
  # profiles (docs/benchmarks.md, finding 26). The test suites, which run servers without this launcher, keep it on;
  # -Dio.netty.leakDetection.level=simple in SHALEDB_JAVA_OPTS turns it back on here.
  options+=(-Dio.netty.leakDetection.level=disabled)
  options+=(--enable-native-access=ALL-UNNAMED)
}

# Runs the server jar in place of this shell, with the arguments given (a shaledb command line). Class data sharing: a
# run maps an archive of the classes a training run loaded instead of loading and verifying them again, about 40% off
# the time to the first answered request. The project's build writes the archive beside the jar
# (bin/class-data-archive, run by shale-server's package phase); the distribution, whose users' JDKs differ from the
# build's, has the JVM write it at the first server's exit (create_archive=yes). The JVM rewrites the archive at exit
# only if this JDK cannot use it (another JDK wrote it). One made for an older jar is neither used nor rewritten (a
# class path mismatch), so it is removed. Only a server run maps one: the command line's help and version need none.
# The CDS log lines (classes it leaves out) are noise to a user, so they are off.
run_server() {
  local archive="$jar.jsa"
  options=()
  if [ "$archive" -ot "$jar" ]; then rm -f "$archive"; fi
  if [ "${1:-}" = serve ] && { [ -e "$archive" ] || { [ "${create_archive:-}" = yes ] && [ -w "$(dirname "$jar")" ]; }; } \
      && ! [[ " $* " =~ \ (-h|--help|-V|--version)\  ]]; then
    options+=(-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
  fi
  add_server_options
  # SHALEDB_JAVA_OPTS adds JVM options, such as a heap limit (or -Dio.netty.jfr.enabled=true).
  # shellcheck disable=SC2086
  exec "$JAVA_HOME/bin/java" "${options[@]}" ${SHALEDB_JAVA_OPTS:-} -jar "$jar" "$@"
}
