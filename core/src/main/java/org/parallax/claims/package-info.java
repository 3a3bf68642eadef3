/** Claim sentences of one article: which sentences state facts, their numbers, negation and credited source. */
package org.parallax.claims;
