@echo off
rem ShaleDB launcher of the server distribution for Windows: "bin\shaledb serve [options]" runs the server in the
rem foreground on the JDK 21 or newer in JAVA_HOME (or the java on the PATH). JVM options go in SHALEDB_JAVA_OPTS.
setlocal
set "SHALEDB_HOME=%~dp0.."
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
"%JAVA%" -XX:MaxTenuringThreshold=0 -Dio.netty.jfr.enabled=false --enable-native-access=ALL-UNNAMED %SHALEDB_JAVA_OPTS% -jar "%SHALEDB_HOME%\lib\shaledb-server.jar" %*
