/**
 * The HTTP/1.1 API of the server ({@link org.glowzip.server.http.HttpApiHandler}): routing, the
 * life of one request ({@link org.glowzip.server.http.Exchange}), the timing of each request's
 * arrival ({@link org.glowzip.server.http.SlowClientGuard}), the job slots and the queue before
 * them ({@link org.glowzip.server.http.JobAdmission}), the bounded hand-over of request bodies to
 * worker jobs ({@link org.glowzip.server.http.BodyPipe}) and of responses back
 * ({@link org.glowzip.server.http.ResponseStream}), and the compress and decompress jobs.
 */
package org.glowzip.server.http;
