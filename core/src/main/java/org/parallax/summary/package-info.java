/** The neutral summary: consensus facts first, free of loaded terms and quotes, each sentence citing its sources. */
package org.parallax.summary;
