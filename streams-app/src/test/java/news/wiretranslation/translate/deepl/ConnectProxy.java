package news.wiretranslation.translate.deepl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP proxy on 127.0.0.1 that tunnels HTTPS (CONNECT) for a client with its Basic credentials: 407 with a Basic
 * challenge until a CONNECT carries them, then {@code 200 Connection established} and the bytes both ways, unread
 * (the TLS session is the client's and the server's). Only tunnels to 127.0.0.1.
 */
final class ConnectProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String expected;
    private final List<String> connects = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    ConnectProxy(String user, String password) throws IOException {
        this.expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        Thread acceptor = new Thread(this::accept, "connect-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The targets of the tunnels opened ({@code host:port}), in order. */
    List<String> tunnels() {
        return List.copyOf(connects);
    }

    /** The CONNECTs answered with 407, in order (the target; "with wrong credentials" or "without credentials"). */
    List<String> challenged() {
        return List.copyOf(refused);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                open.add(client);
                Thread handler = new Thread(() -> handle(client), "connect-proxy-client");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) { // a client may send its credentials on the same connection after a 407
                List<String> head = head(in);
                if (head.isEmpty()) {
                    return;
                }
                String[] requestLine = head.get(0).split(" ");
                String authorization = null;
                for (String header : head.subList(1, head.size())) {
                    int colon = header.indexOf(':');
                    if (colon > 0 && header.substring(0, colon).trim().equalsIgnoreCase("Proxy-Authorization")) {
                        authorization = header.substring(colon + 1).trim();
                    }
                }
                if (requestLine.length < 2 || !requestLine[0].equals("CONNECT")) {
                    out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                if (!expected.equals(authorization)) {
                    refused.add(requestLine[1] + (authorization == null ? " without credentials" : " with wrong credentials"));
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                            + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    continue;
                }
                String target = requestLine[1];
                int colon = target.lastIndexOf(':');
                if (!target.substring(0, colon).equals("127.0.0.1")) {
                    out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                try (Socket upstream = new Socket(InetAddress.getByName("127.0.0.1"), Integer.parseInt(target.substring(colon + 1)))) {
                    open.add(upstream);
                    connects.add(target);
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread back = new Thread(() -> pipe(upstream, client), "connect-proxy-back");
                    back.setDaemon(true);
                    back.start();
                    pipe(client, upstream);
                    back.join(5000);
                }
                return;
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the client or the server went away: the tunnel ends
        }
    }

    /** Request line and headers, up to the empty line; empty at the end of the stream. */
    private static List<String> head(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).replaceAll("\r$", "");
                line.reset();
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
            } else {
                line.write(b);
            }
        }
        return List.of();
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }

    @Override
    public String toString() {
        return "ConnectProxy[127.0.0.1:" + port() + ", tunnels " + connects + ", challenged " + refused
                + "]";
    }
}
