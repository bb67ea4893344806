/**
 * Authentication: the principal store (users and their access keys, kept in the system keyspace with each secret
 * sealed under a key kept outside the data directory), SigV4 verification of requests, and the key file.
 */
package io.shaledb.server.auth;
