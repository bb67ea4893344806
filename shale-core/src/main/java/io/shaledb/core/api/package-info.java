/**
 * The DynamoDB API's enumerated parameter values. Each enum's constants are named as the API names them and declared
 * in the order DynamoDB lists them in its "Member must satisfy enum value set" messages; requests carry them as
 * {@link io.shaledb.core.validate.Choice}s, so text that names none of them reaches validation as DynamoDB reports it.
 */
package io.shaledb.core.api;
