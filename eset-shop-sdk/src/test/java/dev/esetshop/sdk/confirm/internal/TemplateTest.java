package dev.esetshop.sdk.confirm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void replacesVariablesThroughTheEscaper() {
        Template template = Template.parse("t", "Hello {{ name }}, {{count}} items");

        assertThat(template.render(Map.of("name", "<Ann>", "count", 3), value -> value.toUpperCase()))
                .isEqualTo("Hello <ANN>, 3 items");
    }

    @Test
    void sectionsShowOnTruthRepeatOverListsAndInvertedSectionsShowOtherwise() {
        Template template = Template.parse("t",
                "{{#vip}}VIP {{/vip}}{{^vip}}guest {{/vip}}{{#ref}}ref={{ref}} {{/ref}}{{#items}}[{{sku}} of {{owner}}]{{/items}}"
                        + "{{^items}}none{{/items}}");

        assertThat(template.render(Map.of("vip", true, "ref", "PO-1", "owner", "Ann",
                        "items", List.of(Map.of("sku", "A"), Map.of("sku", "B", "owner", "Bob"))), v -> v))
                .isEqualTo("VIP ref=PO-1 [A of Ann][B of Bob]");
        assertThat(template.render(Map.of("vip", false, "ref", "", "owner", "Ann", "items", List.of()), v -> v))
                .isEqualTo("guest none");
    }

    @Test
    void aValueTheModelLacksIsAnErrorNotAGap() {
        Template template = Template.parse("mail.txt", "Dear {{nmae}}");

        assertThatThrownBy(() -> template.render(Map.of("name", "Ann"), v -> v))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mail.txt uses {{nmae}}");
    }

    @Test
    void malformedTemplatesAreRefusedWhenParsed() {
        assertThatThrownBy(() -> Template.parse("a", "{{#x}}open")).hasMessageContaining("{{#x}} is not closed");
        assertThatThrownBy(() -> Template.parse("b", "{{/x}}")).hasMessageContaining("closes no open section");
        assertThatThrownBy(() -> Template.parse("c", "{{#x}}{{/y}}")).hasMessageContaining("closes no open section");
        assertThatThrownBy(() -> Template.parse("d", "text {{name")).hasMessageContaining("is not closed");
        assertThatThrownBy(() -> Template.parse("e", "{{ }}")).hasMessageContaining("empty tag");
    }

    @Test
    void aListCannotBePrintedAsAValue() {
        Template template = Template.parse("t", "{{items}}");

        assertThatThrownBy(() -> template.render(Map.of("items", List.of()), v -> v))
                .hasMessageContaining("is a list");
    }
}
