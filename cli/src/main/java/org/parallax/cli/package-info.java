/** The command line: one picocli class per subcommand; the only place that prints or sets exit codes. */
package org.parallax.cli;
