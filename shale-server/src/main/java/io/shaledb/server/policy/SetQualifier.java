package io.shaledb.server.policy;

/** How a condition treats a key with several values (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html). */
public enum SetQualifier {
  /** No qualifier: a positive operator holds when some value matches, a negated one when none does. */
  NONE,
  /** {@code ForAllValues:}: every request value matches; holds too when the key is absent or empty. */
  FOR_ALL_VALUES,
  /** {@code ForAnyValue:}: at least one request value matches; fails when the key is absent or empty. */
  FOR_ANY_VALUE
}
