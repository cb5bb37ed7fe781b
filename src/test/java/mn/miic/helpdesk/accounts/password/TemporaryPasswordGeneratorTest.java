package mn.miic.helpdesk.accounts.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TemporaryPasswordGeneratorTest {

    private static final String GENERATED_SPECIALS = "~@#$%^*()-+=[]?";

    @Test
    void ten_thousand_temporary_passwords_all_pass_the_policy_and_avoid_look_alikes() {
        TemporaryPasswordGenerator generator = new TemporaryPasswordGenerator();
        PasswordPolicy policy = new PasswordPolicy(PasswordSettings.DEFAULTS, new PasswordHasher());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String password = generator.generate();
            assertThat(password).hasSize(16);
            assertThat(policy.check(password, "mousem1", List.of("Mickey", "Mouse"), List.of()))
                    .as("violations of %s", password)
                    .isEmpty();
            for (char c : password.toCharArray()) {
                assertThat(TemporaryPasswordGenerator.LOOK_ALIKES.indexOf(c))
                        .as("look-alike in %s", password)
                        .isEqualTo(-1);
                boolean allowed = Character.isLetterOrDigit(c) || GENERATED_SPECIALS.indexOf(c) >= 0;
                assertThat(allowed).as("character %s in %s", c, password).isTrue();
            }
            seen.add(password);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void a_temporary_password_never_shows_itself_in_text() {
        TemporaryPassword password = new TemporaryPassword(new TemporaryPasswordGenerator().generate());
        assertThat(password.toString()).doesNotContain(password.reveal());
        assertThat("" + password).isEqualTo("TemporaryPassword[hidden]");
    }

    @Test
    void hashes_are_argon2id_salted_and_verify() {
        PasswordHasher hasher = new PasswordHasher();
        String a = hasher.hash("Kettle#Violin7Marsh");
        String b = hasher.hash("Kettle#Violin7Marsh");
        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(b);
        assertThat(hasher.matches("Kettle#Violin7Marsh", a)).isTrue();
        assertThat(hasher.matches("kettle#Violin7Marsh", a)).isFalse();
        assertThat(hasher.matches("anything", null)).isFalse();
    }
}
