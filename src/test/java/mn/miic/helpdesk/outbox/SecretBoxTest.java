package mn.miic.helpdesk.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {

    private static final String KEY = "q3mVb1o0cJ0xX8yZbC6lK2rN5sT7uW9yA1dF4gH6jK8=";

    @Test
    void a_sealed_password_opens_with_its_key_for_its_message_only() {
        SecretBox box = SecretBox.ofBase64(KEY);
        byte[] sealed = box.seal("Xk7#mP2q@Rz9Tw4v".toCharArray(), "outbox:7");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Xk7#mP2q@Rz9Tw4v");
        assertThat(box.open(sealed, "outbox:7")).containsExactly("Xk7#mP2q@Rz9Tw4v".toCharArray());
        assertThat(box.seal("Xk7#mP2q@Rz9Tw4v".toCharArray(), "outbox:7"))
                .as("a fresh nonce each time")
                .isNotEqualTo(sealed);
        assertThatThrownBy(() -> box.open(sealed, "outbox:8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretBox.ephemeral().open(sealed, "outbox:7"))
                .hasMessageContaining("another DELIVERY_KEY");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> box.open(sealed, "outbox:7")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_key_that_is_not_256_bits_of_base64_is_named_with_how_to_make_one() {
        assertThatThrownBy(() -> SecretBox.decodeKey("not base64!")).hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> SecretBox.decodeKey("c2hvcnQ="))
                .hasMessageContaining("5 bytes")
                .hasMessageContaining("32");
    }

    @Test
    void the_embedded_defaults_key_is_made_once_readable_by_its_owner_only(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("miic").resolve("delivery.key");

        String made = SecretBox.keyInFile(file);
        String again = SecretBox.keyInFile(file);

        assertThat(again).isEqualTo(made);
        assertThat(SecretBox.decodeKey(made)).hasSize(32);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        byte[] sealed = SecretBox.ofBase64(made).seal("x".toCharArray(), "c");
        assertThat(SecretBox.ofBase64(again).open(sealed, "c")).containsExactly('x');
        assertThat(Set.of(folder.resolve("miic").toFile().list())).containsExactly("delivery.key");
    }
}
