/** Binding: placeholders resolved against a request's attribute names and values, with the checks that need no item. */
package io.shaledb.core.expr.bind;
