package io.modelopt.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.Components;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's header: what the service is and how to authenticate. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI modeloptOpenApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI()
                .info(new Info()
                        .title("modelopt API")
                        .version(properties == null ? "development" : properties.getVersion())
                        .description("Which hardware should a model run on, how fast will it be "
                                + "and what will it cost; and, once deployed, is it on the right "
                                + "hardware. Errors are RFC 9457 problem details whose `errors` "
                                + "list names each field at fault."))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("Needed on /api/** when the service has MODELOPT_API_TOKENS "
                                + "set; /health is always open.")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
