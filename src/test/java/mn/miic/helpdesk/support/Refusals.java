package mn.miic.helpdesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import mn.miic.helpdesk.accounts.access.Refusal;

/** Runs an action that must be refused and hands back the refusal to look at. */
public final class Refusals {

    private Refusals() {}

    public static Refusal refusalOf(Runnable action) {
        Refusal refusal = catchThrowableOfType(Refusal.class, action::run);
        assertThat(refusal).as("expected a refusal").isNotNull();
        return refusal;
    }
}
