/** Parallax's root: the one exception type of the project and the interruption check its per-article loops share. */
package org.parallax;
