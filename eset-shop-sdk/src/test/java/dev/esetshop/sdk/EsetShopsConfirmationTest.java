package dev.esetshop.sdk;

import static dev.esetshop.sdk.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.esetshop.core.ResellerId;
import dev.esetshop.core.Secret;
import dev.esetshop.pricing.NewLicenseRequest;
import dev.esetshop.pricing.QuoteResult;
import dev.esetshop.sdk.confirm.OrderConfirmed;
import dev.esetshop.testkit.TestClock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A registry's confirmation listeners serve every reseller: each event names the reseller whose shop placed it. */
class EsetShopsConfirmationTest {

    private static final ResellerId FIRST = ResellerId.of("reseller-1");
    private static final ResellerId SECOND = ResellerId.of("reseller-2");

    private final TestClock clock = TestClock.at(NOW);
    private final FakeEsetApi eset = new FakeEsetApi(clock);
    private final List<OrderConfirmed> events = new CopyOnWriteArrayList<>();

    @Test
    void eachConfirmationARegistryDeliversNamesTheResellerWhoseShopPlacedTheOrder() {
        Map<ResellerId, ResellerAccount> accounts = Map.of(
                FIRST,
                ResellerAccount.of("user-1", Secret.of("pw-1")),
                SECOND,
                ResellerAccount.of("user-2", Secret.of("pw-2")));
        try (EsetShops shops = EsetShops.builder()
                .directory(new ResellerDirectory() {
                    @Override
                    public Optional<ResellerAccount> account(ResellerId reseller) {
                        return Optional.ofNullable(accounts.get(reseller));
                    }

                    @Override
                    public Iterable<ResellerId> resellers() {
                        return List.of(FIRST, SECOND);
                    }
                })
                .catalog(Fixtures.CATALOG)
                .partnerApis(account -> eset)
                .clock(clock)
                .addConfirmationListener(events::add)
                .build()) {

            OrderResult second = order(shops.shop(SECOND));
            OrderResult first = order(shops.shop(FIRST));

            assertThat(events)
                    .extracting(OrderConfirmed::reseller)
                    .containsExactly(Optional.of(SECOND), Optional.of(FIRST));
            assertThat(events)
                    .extracting(OrderConfirmed::eventId)
                    .containsExactly(
                            ((OrderResult.Ordered) second).event().eventId(),
                            ((OrderResult.Ordered) first).event().eventId());
        }
    }

    private static OrderResult order(EsetShop shop) {
        QuoteResult quoted = shop.quote(
                NewLicenseRequest.builder().product("AV").seats(6).years(1).build());
        OrderResult result = shop.order(OrderRequest.forNewLicense(
                ((QuoteResult.Accepted) quoted).quote(), Fixtures.eula(), Fixtures.customer()));
        assertThat(result).isInstanceOf(OrderResult.Ordered.class);
        return result;
    }
}
