package news.wiretranslation.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 to another loopback address, for tests that make a registry "blink": open it late to
 * play a registry coming up, close it to play one going away. Plain threads, one pair per connection.
 */
final class TcpForwarder implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private TcpForwarder(ServerSocket server, String targetHost, int targetPort) {
        this.server = server;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /**
     * Listens on 127.0.0.1:{@code port} and forwards every connection to the host and port of {@code targetUrl},
     * which must be a loopback address.
     */
    static TcpForwarder open(int port, String targetUrl) throws IOException {
        URI target = URI.create(targetUrl);
        if (!InetAddress.getByName(target.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("TcpForwarder only forwards to loopback addresses, not " + targetUrl);
        }
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        TcpForwarder forwarder = new TcpForwarder(server, target.getHost(), target.getPort());
        Thread acceptor = new Thread(forwarder::accept, "tcp-forwarder-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
        return forwarder;
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("TcpForwarder: " + e);
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // The other side closed.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-forwarder-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops listening and cuts every open connection. */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        sockets.forEach(TcpForwarder::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing anyway.
        }
    }
}
