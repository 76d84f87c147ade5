package dev.esetshop.sdk.confirm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MustacheTemplateTest {

    @Test
    void replacesVariablesThroughTheEscaper() {
        MustacheTemplate template =
                MustacheTemplate.parse("t", "Hello {{ name }}, {{count}} items", value -> value.toUpperCase());

        assertThat(template.render(Map.of("name", "<Ann>", "count", 3))).isEqualTo("Hello <ANN>, 3 items");
    }

    @Test
    void sectionsShowOnTruthRepeatOverListsAndInvertedSectionsShowOtherwise() {
        MustacheTemplate template = MustacheTemplate.parse(
                "t",
                "{{#vip}}VIP {{/vip}}{{^vip}}guest {{/vip}}{{#ref}}ref={{ref}} {{/ref}}{{#items}}[{{sku}} of {{owner}}]{{/items}}"
                        + "{{^items}}none{{/items}}",
                v -> v);

        assertThat(template.render(Map.of(
                        "vip",
                        true,
                        "ref",
                        "PO-1",
                        "owner",
                        "Ann",
                        "items",
                        List.of(Map.of("sku", "A"), Map.of("sku", "B", "owner", "Bob")))))
                .isEqualTo("VIP ref=PO-1 [A of Ann][B of Bob]");
        assertThat(template.render(Map.of("vip", false, "ref", "", "owner", "Ann", "items", List.of())))
                .isEqualTo("guest none");
    }

    @Test
    void aValueTheModelLacksIsAnErrorNotAGap() {
        MustacheTemplate template = MustacheTemplate.parse("mail.txt", "Dear {{nmae}}", v -> v);

        assertThatThrownBy(() -> template.render(Map.of("name", "Ann")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mail.txt uses {{nmae}}");
    }

    @Test
    void malformedTemplatesAreRefusedWhenParsed() {
        assertThatThrownBy(() -> parse("a", "{{#x}}open")).hasMessageContaining("{{#x}} is not closed");
        assertThatThrownBy(() -> parse("b", "{{/x}}")).hasMessageContaining("closes no open section");
        assertThatThrownBy(() -> parse("c", "{{#x}}{{/y}}")).hasMessageContaining("closes no open section");
        assertThatThrownBy(() -> parse("d", "text {{name")).hasMessageContaining("is not closed");
        assertThatThrownBy(() -> parse("e", "{{ }}")).hasMessageContaining("empty tag");
        assertThatThrownBy(() -> parse("f", "{{#x}}open"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("f: ");
    }

    @Test
    void aListCannotBePrintedAsAValue() {
        MustacheTemplate template = MustacheTemplate.parse("t", "{{items}}", v -> v);

        assertThatThrownBy(() -> template.render(Map.of("items", List.of()))).hasMessageContaining("is a list");
    }

    @Test
    void aLineHoldingOnlyASectionTagIsDroppedWhole() {
        MustacheTemplate template = MustacheTemplate.parse("t", "A\n{{#x}}\nin\n{{/x}}\nB", v -> v);

        assertThat(template.render(Map.of("x", true))).isEqualTo("A\nin\nB");
        assertThat(template.render(Map.of("x", false))).isEqualTo("A\nB");
    }

    private static MustacheTemplate parse(String name, String text) {
        return MustacheTemplate.parse(name, text, v -> v);
    }
}
