package mn.miic.helpdesk.accounts.domain;

/** First and last name are required by the guide; the middle initial is not. */
public record PersonName(String first, String middleInitial, String last) {

    public String fullName() {
        return middleInitial == null ? first + " " + last : first + " " + middleInitial + ". " + last;
    }
}
