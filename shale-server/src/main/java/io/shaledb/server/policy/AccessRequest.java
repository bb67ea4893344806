package io.shaledb.server.policy;

/**
 * One authorization question: may {@code caller} perform {@code action} on {@code resource}, with the condition keys
 * {@code facts}? A call asks one or several (a batch asks one per table, a transaction one per item).
 *
 * @param action such as {@code dynamodb:GetItem}
 * @param resource an ARN, or {@code *} for calls on no resource
 */
public record AccessRequest(Caller caller, String action, String resource, RequestFacts facts) {}
