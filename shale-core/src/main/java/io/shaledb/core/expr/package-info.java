/**
 * DynamoDB's expression language (condition, key condition, filter, projection and update expressions): parsed
 * once into trees ({@code ast}, {@code parse}), bound to a request's names and values ({@code bind}) and evaluated
 * on typed items ({@code eval}); the parse cache lives here because every operation shares it.
 */
package io.shaledb.core.expr;
