/**
 * DynamoDB's values as Java types: the sealed {@code AttributeValue} and its ten kinds, numbers with DynamoDB's 38
 * digits and exponent range, and item sizes by DynamoDB's rules, so that nothing above works on JSON.
 */
package io.shaledb.core.model;
