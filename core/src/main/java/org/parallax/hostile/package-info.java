/**
 * The bad-input tier: a generator of hostile inputs (deep nesting, huge lines, binary noise, broken encodings,
 * giant JSON, control characters, symlink loops, thousands of tiny files…) and a runner that checks a pipeline
 * against them: no hang, no escaped exception, every input accounted for.
 */
package org.parallax.hostile;
