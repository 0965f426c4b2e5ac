package org.glowzip.server.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.glowzip.server.ErrorKind;

/**
 * The responses sent whole, with their length: a body of bytes, text, a JSON answer (one object
 * and a line feed, {@code application/json}) and the error answer of an {@link ErrorKind}.
 */
final class Responses {
    private Responses() {
    }

    static FullHttpResponse full(HttpResponseStatus status, String contentType, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        HttpUtil.setContentLength(response, body.length);
        return response;
    }

    static FullHttpResponse text(HttpResponseStatus status, String contentType, String body) {
        return full(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code json}, one JSON object, as the body. */
    static FullHttpResponse json(HttpResponseStatus status, String json) {
        return text(status, HttpHeaderValues.APPLICATION_JSON.toString(), json + "\n");
    }

    /**
     * The answer to an error of {@code kind}: its status and {@link ErrorAnswer}, with
     * {@code Retry-After: 1} for the refusals that a later try may pass, and {@code Connection: close}
     * if {@code close}.
     */
    static FullHttpResponse error(ErrorKind kind, String message, boolean close) {
        FullHttpResponse answer = json(kind.status(), new ErrorAnswer(kind, message).toJson());
        if (kind == ErrorKind.OVERLOADED || kind == ErrorKind.TOO_MANY_REQUESTS || kind == ErrorKind.SHUTTING_DOWN) {
            answer.headers().set(HttpHeaderNames.RETRY_AFTER, 1);
        }
        if (close) {
            answer.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return answer;
    }
}
