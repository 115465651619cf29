package io.modelopt.performance.web;

import io.modelopt.performance.PerformanceModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One performance model with the committed fitted factors, shared by every endpoint. */
@Configuration(proxyBeanMethods = false)
class PerformanceConfiguration {

    @Bean
    PerformanceModel performanceModel() {
        return PerformanceModel.fitted();
    }
}
