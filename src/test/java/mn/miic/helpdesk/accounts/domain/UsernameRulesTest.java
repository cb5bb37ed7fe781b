package mn.miic.helpdesk.accounts.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameRulesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mousem1",
                "wonderw1",
                "lonestar",
                "o.brien-k_2",
                "abc",
                "nguyent12",
                "Testa1",
                "nursej1",
                "guestj1",
                "staffordp1",
                "frontierm1",
                "abcdefghijklmnopqrstuvwxyz1234"
            })
    void usernames_of_one_person_are_accepted(String username) {
        assertThat(UsernameRules.problemWith(username)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "Admin1", "clinicadmin", "sysADMIN2", "jadminton", "ADMINISTRATOR"})
    void admin_anywhere_in_any_case_is_refused(String username) {
        assertThat(UsernameRules.problemWith(username))
                .hasValueSatisfying(p -> assertThat(p).contains("admin"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "clinicstaff",
                "clinic_staff",
                "Clinic.Staff2",
                "frontdesk",
                "front-desk-1",
                "nurse",
                "Nurses3",
                "reception",
                "office1",
                "sharedteam",
                "user",
                "general",
                "temp",
                "test01",
                "guest",
                "TEST_USER",
                "staff",
                "123",
                "1_2-3"
            })
    void generic_usernames_are_refused(String username) {
        assertThat(UsernameRules.problemWith(username))
                .hasValueSatisfying(p -> assertThat(p).contains("generic"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "abcdefghijklmnopqrstuvwxyz12345", "mickey mouse", "mouse@m1", "müller1", ""})
    void malformed_usernames_are_refused_with_how_to_fix(String username) {
        assertThat(UsernameRules.problemWith(username)).isPresent();
    }

    @Test
    void the_suggestion_follows_the_guide_last_name_first_initial_next_number() {
        assertThat(UsernameRules.suggest("Mickey", "Mouse", u -> false)).hasValue("mousem1");
        Set<String> taken = Set.of("mousem1", "mousem2");
        assertThat(UsernameRules.suggest("Minnie", "Mouse", taken::contains)).hasValue("mousem3");
        assertThat(UsernameRules.suggest("Minnie", "Mouse", Set.of("mousem2")::contains))
                .hasValue("mousem1");
    }

    @Test
    void the_suggestion_folds_accents_and_punctuation_and_fits_thirty_characters() {
        assertThat(UsernameRules.suggest("José", "O'Brien-Núñez", u -> false)).hasValue("obriennunezj1");
        String longLast = "Wolfeschlegelsteinhausenbergerdorff";
        assertThat(UsernameRules.suggest("Hubert", longLast, u -> false))
                .hasValueSatisfying(s -> assertThat(s).hasSize(30).endsWith("1"));
    }

    @Test
    void the_suggestion_never_proposes_a_name_the_rules_refuse() {
        // "Badminton" contains "admin": the last-name pattern cannot work, the first-name one can.
        assertThat(UsernameRules.suggest("Ann", "Badminton", u -> false)).hasValue("annb1");
    }
}
