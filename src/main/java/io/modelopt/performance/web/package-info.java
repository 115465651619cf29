/**
 * The HTTP surface of the performance model: the estimate endpoint, and what every endpoint
 * built on the model shares (reading workload fields from JSON, turning catalog rows into
 * {@link io.modelopt.performance.HardwareSpec}s and models, writing estimates as JSON). The
 * model itself, {@code io.modelopt.performance}, knows nothing of this package.
 */
package io.modelopt.performance.web;
