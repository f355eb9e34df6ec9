/**
 * The lab's own pages, rendered on the server as plain HTML and CSS (no front-end build, readable without
 * JavaScript): the front door at {@code /} and a report per run at {@code /runs/{id}}.
 */
package concurrencylab.pages;
