package org.careloop.platform.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.careloop.platform.outbound.Signature;

/**
 * A stand-in pager provider on loopback: records what it is sent, and can fail the first requests
 * on purpose.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft;

    public WebhookReceiver(int failFirst) throws IOException {
        this(failFirst, 503, 204);
    }

    /** Answers the first {@code failFirst} requests with {@code failWith}, then {@code okWith}. */
    public WebhookReceiver(int failFirst, int failWith, int okWith) throws IOException {
        failuresLeft = new AtomicInteger(failFirst);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    String body =
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8);
                    int status = failuresLeft.getAndDecrement() > 0 ? failWith : okWith;
                    received.add(
                            new Received(
                                    body,
                                    exchange.getRequestHeaders().getFirst(Signature.HEADER),
                                    status));
                    exchange.sendResponseHeaders(status, -1);
                    exchange.close();
                });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/pager";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One request as it arrived, and the status it was answered with. */
    public record Received(String body, String signature, int answeredWith) {}
}
