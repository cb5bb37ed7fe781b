package mn.miic.helpdesk.importing;

import java.util.List;

/** What an import did, or, when any row was bad, every bad row and the fact that nothing was imported. */
public record ImportReport(
        List<RowProblem> problems,
        int organizationsCreated,
        int organizationsUpdated,
        int organizationsUnchanged,
        int accountsCreated,
        int accountsUpdated,
        int accountsUnchanged) {

    public boolean succeeded() {
        return problems.isEmpty();
    }

    public static ImportReport failed(List<RowProblem> problems) {
        return new ImportReport(List.copyOf(problems), 0, 0, 0, 0, 0, 0);
    }

    public String summary() {
        if (!succeeded()) {
            return "Nothing was imported: " + problems.size() + (problems.size() == 1 ? " row is" : " rows are")
                    + " wrong.";
        }
        return "Organizations: " + organizationsCreated + " created, " + organizationsUpdated + " updated, "
                + organizationsUnchanged + " unchanged. Accounts: " + accountsCreated + " created, "
                + accountsUpdated + " updated, " + accountsUnchanged + " unchanged.";
    }
}
