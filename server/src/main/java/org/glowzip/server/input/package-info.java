/**
 * The bodies a compress request may hold: whatever the codec's input layer reads
 * ({@link org.glowzip.codec.input.ImageInputs}: PNG, PGM, PPM and IDX files, tar and zip archives,
 * gzip, nested), within the server's limits, and the error each refusal is answered with
 * ({@link org.glowzip.server.input.BodyImages}).
 */
package org.glowzip.server.input;
