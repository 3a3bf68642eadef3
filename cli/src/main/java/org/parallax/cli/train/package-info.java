/**
 * Training of the small models Parallax ships ({@code parallax train ...}): the loaded-language tagger's head on
 * MiniLM token states of the PTC articles, with the state cache that keeps re-training cheap.
 */
package org.parallax.cli.train;
