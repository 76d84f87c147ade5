package dev.esetshop.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw-socket HTTP/1.1 server on an ephemeral loopback port that answers every request in one hostile way: it
 * never answers, stalls after a few bytes of body (and keeps the connection open, sending nothing more), floods an endless body,
 * or declares a body far larger than it sends. No sleeping: a stalled answer simply never goes on.
 */
final class HostileServer implements AutoCloseable {

    enum Mode {
        /** Reads the request and sends nothing at all, not even headers. */
        STALL_HEADERS,
        /** Headers, then one byte of a promised 1,000-byte body, then nothing. */
        STALL_BODY,
        /** Headers without a length, then body bytes until the client hangs up. */
        FLOOD,
        /** Headers declaring 600 MB, then nothing. */
        HUGE_LENGTH
    }

    private final ServerSocket server;
    private final Mode mode;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final Semaphore read = new Semaphore(0);
    private final Thread acceptor;

    HostileServer(Mode mode) {
        this.mode = mode;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::accept, "hostile-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** How many requests arrived. */
    int requests() {
        return requests.get();
    }

    /**
     * Waits (ten seconds at most) until the server has read {@code count} requests: a client that gives up before
     * any answer may have hung up before the server's thread got to read its request, which it still reads then.
     */
    boolean awaitRequests(int count) throws InterruptedException {
        if (!read.tryAcquire(count, 10, TimeUnit.SECONDS)) {
            return false;
        }
        read.release(count);
        return true;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread answer = new Thread(() -> answer(socket), "hostile-answer");
                answer.setDaemon(true);
                answer.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            readRequest(in);
            requests.incrementAndGet();
            read.release();
            OutputStream out = socket.getOutputStream();
            switch (mode) {
                case STALL_HEADERS -> out.flush();
                case STALL_BODY -> {
                    out.write(head("Content-Length: 1000"));
                    out.write('{');
                    out.flush();
                }
                case HUGE_LENGTH -> {
                    out.write(head("Content-Length: 600000000"));
                    out.flush();
                }
                case FLOOD -> {
                    out.write(head("Connection: close"));
                    byte[] chunk = new byte[16 * 1024];
                    java.util.Arrays.fill(chunk, (byte) ' ');
                    while (true) {
                        out.write(chunk);
                    }
                }
            }
        } catch (IOException e) {
            // the client hung up: what a hostile server wants least, and what the test expects
        }
    }

    private static byte[] head(String header) {
        return ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Request-Id: hostile-1\r\n" + header
                        + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the request line, headers and a body of Content-Length bytes. */
    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed");
            }
            head.append((char) b);
        }
        long length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(
                        line.substring("content-length:".length()).trim());
            }
        }
        in.readNBytes((int) length);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
