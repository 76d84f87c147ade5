package dev.esetshop.client.internal;

import dev.esetshop.client.BreakerTransition;
import dev.esetshop.client.EsetCallEnded;
import dev.esetshop.client.EsetClientListener;
import dev.esetshop.client.EsetRetry;
import dev.esetshop.client.RateLimitWait;
import dev.esetshop.client.WorkScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's listener behind a guard: whatever it throws is logged (its class only: a host's message may quote
 * anything) and the call goes on, so a listener never breaks a call.
 */
final class SafeListener implements EsetClientListener {

    private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);

    private final EsetClientListener listener;

    SafeListener(EsetClientListener listener) {
        this.listener = listener;
    }

    @Override
    public WorkScope onCallStarted(String call) {
        try {
            WorkScope scope = listener.onCallStarted(call);
            if (scope == null) {
                return WorkScope.NONE;
            }
            return outcome -> {
                try {
                    scope.end(outcome);
                } catch (RuntimeException failure) {
                    ignored("the end of a call's scope", failure);
                }
            };
        } catch (RuntimeException failure) {
            ignored("onCallStarted", failure);
            return WorkScope.NONE;
        }
    }

    @Override
    public void onCallEnded(EsetCallEnded ended) {
        try {
            listener.onCallEnded(ended);
        } catch (RuntimeException failure) {
            ignored("onCallEnded", failure);
        }
    }

    @Override
    public void onRetry(EsetRetry retry) {
        try {
            listener.onRetry(retry);
        } catch (RuntimeException failure) {
            ignored("onRetry", failure);
        }
    }

    @Override
    public void onCircuitStateChange(BreakerTransition transition) {
        try {
            listener.onCircuitStateChange(transition);
        } catch (RuntimeException failure) {
            ignored("onCircuitStateChange", failure);
        }
    }

    @Override
    public void onRateLimitWait(RateLimitWait wait) {
        try {
            listener.onRateLimitWait(wait);
        } catch (RuntimeException failure) {
            ignored("onRateLimitWait", failure);
        }
    }

    private void ignored(String event, RuntimeException failure) {
        LOG.warn(
                "the ESET client listener {} failed in {} ({}); the call goes on",
                listener.getClass().getName(),
                event,
                failure.getClass().getName());
    }
}
