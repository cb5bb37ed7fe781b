package mn.miic.helpdesk.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps a temporary password while it waits in the outbox: AES-256-GCM with a fresh 96-bit nonce each time, so the
 * row (and any dump of the database) holds only ciphertext, and a row altered or moved to another message fails to
 * open. The key is not in the database: it comes from {@code DELIVERY_KEY}, or, for the embedded default, from a file
 * made once beside its data.
 */
public final class SecretBox {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private SecretBox(SecretKey key) {
        this.key = key;
    }

    /** @param base64 32 bytes, as {@code openssl rand -base64 32} prints them */
    public static SecretBox ofBase64(String base64) {
        return new SecretBox(new SecretKeySpec(decodeKey(base64), "AES"));
    }

    /** Why a {@code DELIVERY_KEY} cannot be used, for the configuration's one-line problem. */
    public static byte[] decodeKey(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64; make one with: openssl rand -base64 32");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(
                    "a key of " + bytes.length + " bytes; it must be 32 (openssl rand -base64 32)");
        }
        return bytes;
    }

    /** The key (base64) in this file, made there, readable by its owner only, the first time. */
    public static String keyInFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "delivery", ".key");
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system; the folder's own permissions must do
                }
                Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII);
                try {
                    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    Files.deleteIfExists(tmp); // another process made it first; use theirs
                }
            }
            String key = Files.readString(file, StandardCharsets.US_ASCII).trim();
            decodeKey(key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or make the delivery key " + file, e);
        }
    }

    /** A key for this process only: what survives a restart cannot be opened. For tests. */
    public static SecretBox ephemeral() {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        return new SecretBox(new SecretKeySpec(fresh, "AES"));
    }

    /** @param context what the secret belongs to (bound into the tag, so it opens only for that) */
    public byte[] seal(char[] secret, String context) {
        byte[] plain = toBytes(secret);
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(VERSION)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** The secret, or an exception when the box was not sealed with this key for this context. */
    public char[] open(byte[] sealed, String context) {
        if (sealed.length < 1 + NONCE_BYTES || sealed[0] != VERSION) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        byte[] plain = null;
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES)));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            plain = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
            java.nio.CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
            char[] secret = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
            Arrays.fill(chars.array(), '\0');
            return secret;
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalArgumentException("the secret does not open with this key (another DELIVERY_KEY?)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private static byte[] toBytes(char[] chars) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(chars));
        byte[] bytes = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }
}
