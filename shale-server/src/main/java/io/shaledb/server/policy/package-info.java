/**
 * Authorization with IAM policy documents: the parsed form of a policy (statements, effects, actions, resources,
 * principals, conditions), the evaluator that decides a request as IAM does (an explicit deny wins, then an allow from
 * an identity or resource policy, else the default deny), and the map from each DynamoDB call to the actions,
 * resources and condition keys DynamoDB checks for it.
 */
package io.shaledb.server.policy;
