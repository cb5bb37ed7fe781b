package mn.miic.helpdesk.accounts.password;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id with OWASP's minimum parameters (19 MiB, 2 iterations, 1 lane), stored as a PHC string that carries its
 * own salt and parameters, so older hashes still verify if the parameters are raised later.
 */
public final class PasswordHasher {

    private static final int MEMORY_KIB = 19_456;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int HASH_LENGTH = 32;

    private final Argon2Function argon2 =
            Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_LENGTH, Argon2.ID);

    public String hash(CharSequence password) {
        return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
    }

    public boolean matches(CharSequence password, String storedHash) {
        if (storedHash == null || password == null) {
            return false;
        }
        return Argon2Function.getInstanceFromHash(storedHash).check(password, storedHash);
    }
}
