package org.glowzip.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlowServerTest {
    @Test
    void startsAnswersAndCloses() throws Exception {
        ServerFixture fixture = new ServerFixture(ServerFixture.testConfig());
        assertEquals(200, fixture.get("/healthz").statusCode());
        fixture.close();
        fixture.close(); // idempotent
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", fixture.port).close());
    }

    @Test
    void refusesBadConfigurations() {
        assertThrows(IllegalArgumentException.class, () -> new GlowServer(ServerFixture.testConfig(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new GlowServer(ServerFixture.testConfig(),
                List.of(TestModels.served(), TestModels.served())));
        assertThrows(IllegalArgumentException.class, () -> ServerFixture.testConfig().withWorkerThreads(0));
        assertThrows(IllegalArgumentException.class, () -> new ServedModel("bad name", TestModels.CODEC, Double.NaN));
    }

    @Test
    void startingTwiceIsAMistake() throws Exception {
        try (ServerFixture fixture = new ServerFixture(ServerFixture.testConfig())) {
            assertThrows(IllegalStateException.class, () -> fixture.server.start("127.0.0.1", 0));
        }
    }
}
