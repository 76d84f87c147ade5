/** The ESET partner API client: the Java face of the wire protocol and its resilient java.net.http implementation. */
module dev.esetshop.client {
    requires transitive dev.esetshop.core;
    requires transitive java.net.http;
    requires tools.jackson.databind;
    requires org.slf4j;
    requires io.github.resilience4j.core;
    requires io.github.resilience4j.retry;
    requires io.github.resilience4j.circuitbreaker;
    requires io.github.resilience4j.ratelimiter;
    requires static org.immutables.value;

    exports dev.esetshop.client;
}
