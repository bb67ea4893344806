/**
 * The JUnit 5 extension for applications' tests: it starts ShaleDB (in a child JVM on a JDK 21+ it finds, or in
 * process), creates declared tables and injects AWS SDK v2 clients; it is compiled for Java 17 because
 * applications' tests often are.
 */
package io.shaledb.junit;
