/**
 * Ranking hardware for a workload: simulate-performance (every configuration, fastest first)
 * and post-deployment-optimization (pre-deployment requirements and scores; post-deployment
 * projection from current metrics). Built on {@code io.modelopt.performance}.
 */
package io.modelopt.recommendation;
