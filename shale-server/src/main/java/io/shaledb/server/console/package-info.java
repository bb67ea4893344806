/**
 * The web console: its files (HTML, one style sheet, ES modules) shipped in the jar under {@code console/} and served
 * at {@code /console/}, and the little it must know of the server before it can call the API (the region requests
 * are signed for, whether signatures are verified). The console does everything else through the DynamoDB API,
 * signed in the browser, so it has no powers of its own.
 */
package io.shaledb.server.console;
