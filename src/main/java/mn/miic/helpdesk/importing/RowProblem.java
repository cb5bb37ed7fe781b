package mn.miic.helpdesk.importing;

/** A bad row: which file, which line (the header is line 1), and why. */
public record RowProblem(String file, long line, String reason) {

    @Override
    public String toString() {
        return file + " line " + line + ": " + reason;
    }
}
