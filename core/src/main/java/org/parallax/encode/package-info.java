/**
 * One MiniLM encoder pass per sentence, run on ONNX Runtime directly so that its per-token states
 * ({@code last_hidden_state}) serve the loaded-language tagger while their mean, normalised, is the sentence
 * embedding used for alignment (the same vector LangChain4j's model gives). Also the assembly of models shipped as
 * low-rank corrections of MiniLM's weights ({@link org.parallax.encode.LowRankModel}, reading MiniLM's tensors with
 * {@link org.parallax.encode.OnnxInitializers}), so that a distilled encoder needs no weight file of its own.
 */
package org.parallax.encode;
