package mn.miic.helpdesk.accounts.usecases;

import mn.miic.helpdesk.accounts.store.Credential;

/**
 * What it takes to undo a temporary password that could not be delivered: the password state before it (a hash, never
 * a plaintext) and the account version right after, so an undo never overwrites a later change.
 */
public record PasswordIssue(
        long accountId, String username, long historyEntryId, Credential previous, int versionAfter, long issuedBy) {

    @Override
    public String toString() {
        return "PasswordIssue[account=" + accountId + ", history=" + historyEntryId + "]";
    }
}
