package io.modelopt.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web UI's pages under short paths: {@code /recommend} serves {@code static/recommend.html}
 * and so on. The home page, {@code /}, is {@code static/index.html} (Simulate).
 */
@Configuration(proxyBeanMethods = false)
class UiConfiguration implements WebMvcConfigurer {

    static final String[] PAGES = {"recommend", "catalog", "monitoring"};

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        for (String page : PAGES) {
            registry.addViewController("/" + page).setViewName("forward:/" + page + ".html");
        }
    }
}
