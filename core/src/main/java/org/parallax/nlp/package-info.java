/** OpenNLP wrappers: sentences, tokens and part-of-speech tags, language identification and name mentions. */
package org.parallax.nlp;
