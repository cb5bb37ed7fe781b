package mn.miic.helpdesk.playground;

/** A person of the playground's Slack workspace, as {@code users.info} describes them. */
public record Member(String id, String realName, String displayName, String email, String title) {}
