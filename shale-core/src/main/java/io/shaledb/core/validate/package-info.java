/** Declared request constraints, reported in DynamoDB's "N validation errors detected" form. */
package io.shaledb.core.validate;
