package concurrencylab.experiment;

import java.util.List;

/**
 * What an experiment is, as the catalog, Swagger UI and every run show it.
 *
 * @param kind       the URL name, e.g. "virtual-threads"
 * @param paramsType its parameter record
 * @param title      a short title
 * @param summary    what it does and shows, in a sentence or two a student understands
 * @param claims     the claims its runs test
 * @param <P>        the parameter record
 */
public record About<P extends Record>(String kind, Class<P> paramsType, String title, String summary,
        List<Claim> claims) {
}
