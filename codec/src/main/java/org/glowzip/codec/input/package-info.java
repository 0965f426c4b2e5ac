/**
 * The input layer: images from files, directories and streams of PNG, PGM, PPM and IDX files,
 * tar and zip archives and gzip streams, nested, recognized by their content
 * ({@link org.glowzip.codec.input.ImageInputs}), read one image at a time
 * ({@link org.glowzip.codec.input.ImageSource}) within {@link org.glowzip.codec.input.InputLimits}.
 * The command line, the server and the trainer all read their images through it.
 */
package org.glowzip.codec.input;
