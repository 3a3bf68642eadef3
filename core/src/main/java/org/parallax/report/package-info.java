/** Rendering a report: JSON (the contract), a self-contained HTML page, and a terminal summary. */
package org.parallax.report;
