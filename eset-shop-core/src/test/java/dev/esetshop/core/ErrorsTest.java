package dev.esetshop.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.error.AccessNotGrantedException;
import dev.esetshop.core.error.CatalogProblem;
import dev.esetshop.core.error.EsetApiException;
import dev.esetshop.core.error.EsetRuleRefusedException;
import dev.esetshop.core.error.EsetShopException;
import dev.esetshop.core.error.InvalidCatalogException;
import dev.esetshop.core.error.StorageException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorsTest {

    @Test
    void apiErrorsCarryStatusRequestIdAndAttemptsInDataAndMessage() {
        EsetApiException error = new AccessNotGrantedException(
                "ESET has not granted access", EsetApiException.Failure.of(403, Optional.of("req-42"), 1));
        assertThat(error.code()).isEqualTo("ACCESS_NOT_GRANTED");
        assertThat(error.httpStatus()).isEqualTo(403);
        assertThat(error.requestId()).contains("req-42");
        assertThat(error.attempts()).isEqualTo(1);
        assertThat(error.getMessage()).contains("req-42").contains("HTTP 403").contains("1 attempt]");
    }

    @Test
    void ruleRefusalsKeepEsetsCodes() {
        EsetRuleRefusedException error = new EsetRuleRefusedException(
                "quantity out of range", 8, 30, EsetApiException.Failure.of(400, Optional.empty(), 1));
        assertThat(error.esetCode()).isEqualTo(8);
        assertThat(error.subCode()).isEqualTo(30);
        assertThat(error.getMessage()).contains("8/30");
    }

    @Test
    void theHierarchyIsExhaustive() {
        EsetShopException error = new InvalidCatalogException(
                List.of(CatalogProblem.of("c.json", "prices[3]", "maxSeats", "bands overlap")), null);
        // Java 17 has no pattern switch; the sealed root still lets a caller cover every branch.
        String described = error instanceof EsetApiException api ? "api " + api.code()
                : error instanceof InvalidCatalogException catalog ? "catalog " + catalog.problems().size()
                : error instanceof StorageException ? "storage" : "partner mismatch";
        assertThat(EsetShopException.class.getPermittedSubclasses()).hasSize(5);
        assertThat(described).isEqualTo("catalog 1");
        assertThat(error.getMessage()).contains("c.json: prices[3].maxSeats: bands overlap");
    }
}
