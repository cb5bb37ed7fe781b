package mn.miic.helpdesk.accounts.domain;

/** The guide's phone fields: area code, seven-digit number, extension. All optional. */
public record Phone(String areaCode, String number, String extension) {

    public static final Phone NONE = new Phone(null, null, null);

    public boolean isEmpty() {
        return areaCode == null && number == null && extension == null;
    }

    /** "(651) 555-5555 ext. 12", or "" when there is no number. */
    public String display() {
        if (number == null) {
            return "";
        }
        String text = number.substring(0, 3) + "-" + number.substring(3);
        if (areaCode != null) {
            text = "(" + areaCode + ") " + text;
        }
        if (extension != null) {
            text += " ext. " + extension;
        }
        return text;
    }
}
