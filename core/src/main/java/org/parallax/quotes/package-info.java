/** Direct quotations: their spans, speakers (with pronoun and role resolution), roles and sides. */
package org.parallax.quotes;
