package concurrencylab.pages;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pages' templates ({@code src/main/resources/templates/*.mustache}, every {{value}} HTML-escaped): Boot's Mustache
 * compiler, except that a null prints as nothing (a running run has no "took" yet) while a name no model has still
 * fails the page, so that a typo in a template shows up in the tests.
 */
@Configuration(proxyBeanMethods = false)
class PageTemplates {

    /**
     * HTML's five: every attribute in the templates is quoted, so "=" and "`" (which JMustache's own escaper also
     * encodes, for unquoted attributes) stay as they are and links read as links in the page's source.
     */
    private static final Mustache.Escaper HTML = Escapers.simple(new String[][] {
        {"&", "&amp;"}, {"'", "&#39;"}, {"\"", "&quot;"}, {"<", "&lt;"}, {">", "&gt;"}});

    @Bean
    Mustache.Compiler mustacheCompiler(Mustache.TemplateLoader loader) {
        return Mustache.compiler().withLoader(loader).nullValue("").withEscaper(HTML);
    }
}
