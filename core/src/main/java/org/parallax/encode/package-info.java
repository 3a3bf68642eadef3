/**
 * One MiniLM encoder pass per sentence, run on ONNX Runtime directly so that its per-token states
 * ({@code last_hidden_state}) serve the loaded-language tagger while their mean, normalised, is the sentence
 * embedding used for alignment (the same vector LangChain4j's model gives).
 */
package org.parallax.encode;
