package mn.miic.helpdesk.requests;

/**
 * A manager a request is routed to: active, unlocked, linked to Slack, with the account in their scope.
 *
 * @param healthSystem true for a Health System User of a parent organization, asked after the site's own managers
 */
public record Approver(long accountId, String slackUserId, String displayName, boolean healthSystem) {}
