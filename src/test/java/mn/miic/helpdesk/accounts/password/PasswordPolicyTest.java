package mn.miic.helpdesk.accounts.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {

    private final PasswordHasher hasher = new PasswordHasher();
    private final PasswordPolicy policy = new PasswordPolicy(PasswordSettings.DEFAULTS, hasher);

    private List<String> rulesBroken(String candidate) {
        return policy.check(candidate, "mousem1", List.of("Mickey", "Mouse"), List.of()).stream()
                .map(PolicyViolation::rule)
                .toList();
    }

    @Test
    void a_long_unusual_password_with_every_class_passes() {
        assertThat(rulesBroken("Kettle#Violin7Marsh")).isEmpty();
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Ke#7violin|length",
                "kettle#violin7marsh|uppercase",
                "KETTLE#VIOLIN7MARSH|lowercase",
                "Kettle#ViolinSeven|digit",
                "Kettle7ViolinMarsh|special",
                "Kettle# Violin7Marsh|whitespace",
                "Kettle#mousem1Marsh|username",
                "Kettle#1mesuom_Marsh|username",
                "Password123!|common",
                "Minnesota2024!|common",
                "Qwerty123456!|common",
                "MickeyMouse#2024|common",
                "Kettle#Violin7Marsh-Kettle#Violin7|length"
            })
    void each_rule_of_the_guide_is_named_when_broken(String candidate, String rule) {
        assertThat(rulesBroken(candidate)).contains(rule);
    }

    @Test
    void every_broken_rule_is_reported_not_just_the_first() {
        assertThat(rulesBroken("abc")).contains("length", "uppercase", "digit", "special");
    }

    @Test
    void both_lists_of_specials_from_the_guide_are_accepted() {
        for (char special : "~!@#$%^&*()-_+={}[]|/?".toCharArray()) {
            assertThat(rulesBroken("Kettle" + special + "Violin7Marsh"))
                    .as("special %s", special)
                    .isEmpty();
        }
    }

    @Test
    void the_last_five_passwords_may_not_be_reused_but_the_sixth_may() {
        List<String> passwords = List.of(
                "Sixth#Oldest7Lantern",
                "Fifth#Harbor7Quill",
                "Fourth#Maple7Canyon",
                "Third#Copper7Willow",
                "Second#Meadow7Falcon",
                "First#Newest7Cobalt");
        List<String> newestFirst = new ArrayList<>();
        for (String p : passwords) {
            newestFirst.add(0, hasher.hash(p));
        }
        assertThat(policy.check("First#Newest7Cobalt", "mousem1", List.of(), newestFirst))
                .extracting(PolicyViolation::rule)
                .contains("history");
        assertThat(policy.check("Fifth#Harbor7Quill", "mousem1", List.of(), newestFirst))
                .extracting(PolicyViolation::rule)
                .contains("history");
        assertThat(policy.check("Sixth#Oldest7Lantern", "mousem1", List.of(), newestFirst))
                .extracting(PolicyViolation::rule)
                .doesNotContain("history");
    }

    @Test
    void messages_are_sentences_a_user_can_act_on() {
        policy.check("abc", "mousem1", List.of(), List.of())
                .forEach(v -> assertThat(v.message()).startsWith("The password").endsWith("."));
        assertThat(policy.requirements()).anySatisfy(r -> assertThat(r).contains("12-30 characters"));
    }
}
