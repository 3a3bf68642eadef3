/**
 * The local web interface ({@code parallax serve}): story list, story pages (summary with citations, claims × outlets
 * matrix with its evidence, conflicts, quotes by speaker, framing and reuse as SVG), article pages with highlights
 * and the removed noise, ad hoc analysis of pasted or uploaded articles, and a JSON API described by OpenAPI.
 * Pages are rendered on the server (Pebble, auto-escaped) and read without JavaScript; all assets ship in the jar.
 * This package owns HTTP concerns only: routing, limits, security headers and view models; analysis is core's.
 */
package org.parallax.server;
