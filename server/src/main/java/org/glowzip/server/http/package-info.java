/**
 * The HTTP/1.1 API of the server ({@link org.glowzip.server.http.HttpApiHandler}): its routes
 * ({@link org.glowzip.server.http.ApiRoutes}) and JSON answers, the life of one request
 * ({@link org.glowzip.server.http.Exchange}) and what to answer for a failed job
 * ({@link org.glowzip.server.http.JobFailures}), the timing of each request's arrival
 * ({@link org.glowzip.server.http.SlowClientGuard}), the job slots and the queue before them
 * ({@link org.glowzip.server.http.JobAdmission}), the bounded hand-over of request bodies to
 * worker jobs ({@link org.glowzip.server.http.BodyPipe}) and of responses back
 * ({@link org.glowzip.server.http.ResponseStream}, with its {@link org.glowzip.server.http.SpillFile}),
 * and the compress and decompress jobs.
 */
package org.glowzip.server.http;
