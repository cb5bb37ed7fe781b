package mn.miic.helpdesk.accounts.password;

/** One broken rule of the password policy: a stable rule name for machines and a sentence for people. */
public record PolicyViolation(String rule, String message) {}
