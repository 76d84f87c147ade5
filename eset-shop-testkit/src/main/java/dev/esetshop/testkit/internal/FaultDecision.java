package dev.esetshop.testkit.internal;

/** What the fault plan decided for one request. */
public sealed interface FaultDecision {

    /** Handle the request; for an order call, {@code loseAnswer} cuts the connection after the commit. */
    record Pass(boolean loseAnswer) implements FaultDecision {}

    /** Cut the connection without handling the request. */
    record Cut() implements FaultDecision {}

    /** Answer with an injected error instead of handling the request. */
    record Fail(ApiError error) implements FaultDecision {}
}
