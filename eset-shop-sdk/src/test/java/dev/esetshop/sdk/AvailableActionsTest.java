package dev.esetshop.sdk;

import static dev.esetshop.sdk.Fixtures.NOW;
import static dev.esetshop.sdk.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.License;
import dev.esetshop.core.ProductCode;
import dev.esetshop.core.Violation;
import dev.esetshop.core.ViolationCode;
import dev.esetshop.pricing.catalog.Catalog;
import dev.esetshop.testkit.TestClock;
import org.junit.jupiter.api.Test;

class AvailableActionsTest {

    private final TestClock clock = TestClock.at(NOW);
    private final EsetShop shop = EsetShop.builder()
            .catalog(Catalog.fromClasspath("sdk-test-catalog.json"))
            .partnerApi(new FakeEsetApi(clock))
            .clock(clock)
            .build();

    private AvailableActions actions(String product, int seats, int daysToExpiry, boolean trial) {
        License license = Fixtures.license("L-1", product, seats, TODAY.plusDays(daysToExpiry), trial, NOW);
        return shop.availableActions(license);
    }

    @Test
    void aRunningLicenseCanBeRenewedExtendedAndChangedToItsTargets() {
        AvailableActions actions = actions("AV", 8, 30, false);
        assertThat(java.util.List.of(actions.renew(), actions.extend(), actions.changeProduct()))
                .allMatch(AvailableActions.Option::applies);
        assertThat(actions.changeProduct().targets()).containsExactly(ProductCode.of("SEC"), ProductCode.of("SUITE"));
        assertThat(shop.quote(actions.renew().example().orElseThrow()).isAccepted())
                .isTrue();
    }

    @Test
    void aLicenseExpiredWithinTheWindowCanOnlyBeRenewed() {
        AvailableActions actions = actions("AV", 8, -10, false);
        assertThat(actions.renew().applies()).isTrue();
        assertThat(codes(actions.extend())).contains(ViolationCode.LICENSE_EXPIRED);
        assertThat(codes(actions.changeProduct())).contains(ViolationCode.LICENSE_EXPIRED);
    }

    @Test
    void aLicenseExpiredBeyondTheWindowOrATrialCannotBeRenewed() {
        assertThat(codes(actions("AV", 8, -61, false).renew())).contains(ViolationCode.NOT_RENEWABLE);
        AvailableActions trial = actions("AV", 8, 20, true);
        assertThat(java.util.List.of(trial.renew(), trial.extend(), trial.changeProduct()))
                .noneMatch(AvailableActions.Option::applies);
        assertThat(codes(trial.renew())).contains(ViolationCode.NOT_ALLOWED_FOR_TRIAL);
        assertThat(codes(trial.changeProduct())).contains(ViolationCode.NOT_ALLOWED_FOR_TRIAL);
    }

    @Test
    void aTrialCanBeConvertedAndAPaidLicenseCannot() {
        AvailableActions trial = actions("AV", 8, 20, true);
        assertThat(trial.convertTrial().applies()).isTrue();
        assertThat(trial.convertTrial().action()).isEqualTo(AvailableActions.Action.CONVERT_TRIAL);
        assertThat(shop.quote(trial.convertTrial().example().orElseThrow()).isAccepted())
                .isTrue();
        // a trial that expired longer ago than the renewal window is no longer convertible
        assertThat(codes(actions("AV", 8, -61, true).convertTrial())).contains(ViolationCode.NOT_RENEWABLE);
        assertThat(codes(actions("AV", 8, 30, false).convertTrial())).containsExactly(ViolationCode.NOT_A_TRIAL);
    }

    @Test
    void aProductWithoutTargetsOrAtItsSeatLimitSaysWhy() {
        AvailableActions.Option noTarget = actions("SUITE", 10, 30, false).changeProduct();
        assertThat(codes(noTarget)).containsExactly(ViolationCode.PRODUCT_CHANGE_NOT_OFFERED);
        // the placeholder for "no target" is worded in the reseller's language, not passed in as English
        assertThat(noTarget.violations().get(0).message(java.util.Locale.GERMAN))
                .isEqualTo("SUITE kann zu keinem anderen Produkt gewechselt werden.");
        assertThat(noTarget.violations().get(0).message(java.util.Locale.FRENCH))
                .doesNotContain("another");
        assertThat(codes(actions("SMALL", 10, 30, false).extend())).contains(ViolationCode.SEATS_OUT_OF_RANGE);
    }

    private static java.util.List<ViolationCode> codes(AvailableActions.Option option) {
        assertThat(option.applies()).isFalse();
        return option.violations().stream().map(Violation::code).toList();
    }
}
