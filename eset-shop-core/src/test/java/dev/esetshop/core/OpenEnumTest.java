package dev.esetshop.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenEnumTest {

    @Test
    void knownValuesAreTheConstantsWhateverTheirCase() {
        assertThat(PartnerLevel.of("gold")).isSameAs(PartnerLevel.GOLD);
        assertThat(PartnerLevel.of(" Platinum ")).isSameAs(PartnerLevel.PLATINUM);
        assertThat(LicenseState.of("SUSPENDED")).isSameAs(LicenseState.SUSPENDED);
        assertThat(LicenseState.NORMAL.known()).contains(LicenseState.Known.NORMAL);
    }

    @Test
    void unknownValuesKeepTheirRawText() {
        LicenseState state = LicenseState.of("PENDING_TRANSFER");
        assertThat(state.isKnown()).isFalse();
        assertThat(state.known()).isEmpty();
        assertThat(state.raw()).isEqualTo("PENDING_TRANSFER");
        assertThat(state).isEqualTo(LicenseState.of("pending_transfer")).isNotEqualTo(LicenseState.NORMAL);
        assertThat(PartnerLevel.of("DIAMOND").toString()).isEqualTo("DIAMOND");
    }

    @Test
    void aLevelIsNeverEqualToAStateOfTheSameText() {
        assertThat((Object) PartnerLevel.of("NORMAL")).isNotEqualTo(LicenseState.NORMAL);
    }
}
