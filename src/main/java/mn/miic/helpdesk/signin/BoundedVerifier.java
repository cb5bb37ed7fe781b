package mn.miic.helpdesk.signin;

import java.util.concurrent.Semaphore;
import java.util.function.BooleanSupplier;

/**
 * Where the Argon2 checks run: about one per core at a time, and a few more waiting; beyond that the sign-in is
 * answered busy at once, so that a flood of guesses never piles up threads, memory or database connections.
 */
final class BoundedVerifier {

    private final Semaphore running;
    private final Semaphore admitted;

    /** @param parallel checks at once; @param waiting checks that may wait for one of those */
    BoundedVerifier(int parallel, int waiting) {
        this.running = new Semaphore(parallel, true);
        this.admitted = new Semaphore(parallel + waiting);
    }

    static BoundedVerifier perCore() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new BoundedVerifier(cores, 4 * cores);
    }

    boolean check(BooleanSupplier argon2) {
        if (!admitted.tryAcquire()) {
            throw new Busy("every password check is taken");
        }
        try {
            running.acquireUninterruptibly();
            try {
                return argon2.getAsBoolean();
            } finally {
                running.release();
            }
        } finally {
            admitted.release();
        }
    }
}
