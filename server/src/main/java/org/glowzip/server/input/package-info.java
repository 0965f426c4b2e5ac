/**
 * The bodies a compress request may hold, recognized from their first bytes
 * ({@link org.glowzip.server.input.ImageSources}): one PNG, PGM or PPM; a tar of them; an IDX
 * file of images; or a gzip of any of these. Images are read one at a time as the body arrives.
 */
package org.glowzip.server.input;
