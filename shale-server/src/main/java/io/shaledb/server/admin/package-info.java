/**
 * The admin API: IAM's user, access key and inline policy operations and STS's GetSessionToken, served on the
 * DynamoDB endpoint under their own X-Amz-Target prefix and authorized by the caller's policies; and its client, which
 * the command line uses against a running server.
 */
package io.shaledb.server.admin;
