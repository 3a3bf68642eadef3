/** Reading inputs: walking paths, detecting encodings and binary files, splitting JSON Lines into documents. */
package org.parallax.ingest;
