/** Boilerplate removal for scraped text and HTML pages; title, byline, outlet and date found on the way. */
package org.parallax.clean;
