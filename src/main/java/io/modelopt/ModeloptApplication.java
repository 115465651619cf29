package io.modelopt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point of the modelopt service. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ModeloptApplication {

    public static void main(String[] args) {
        SpringApplication.run(ModeloptApplication.class, args);
    }
}
