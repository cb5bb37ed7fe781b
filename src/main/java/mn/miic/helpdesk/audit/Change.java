package mn.miic.helpdesk.audit;

/** One field's value before and after a change, as text (never a password). */
public record Change(String before, String after) {}
