/** Typed configuration with defaults, loadable from a JSON file (unknown keys are an error). */
package org.parallax.config;
