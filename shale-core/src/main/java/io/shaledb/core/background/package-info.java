/**
 * How background work runs: the {@link io.shaledb.core.background.Supervisor} runs each
 * {@link io.shaledb.core.background.BackgroundService} in passes on its own virtual thread, retries a failing pass
 * with backoff, and lets operations wake a service that has new work. The services themselves live in
 * {@code io.shaledb.core.maintenance}.
 */
package io.shaledb.core.background;
