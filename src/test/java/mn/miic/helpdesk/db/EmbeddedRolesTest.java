package mn.miic.helpdesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command runs on an embedded PostgreSQL: it makes both roles itself and serves as the runtime
 * one, also on a data folder an earlier version migrated as the superuser.
 */
class EmbeddedRolesTest {

    @TempDir
    Path data;

    @Test
    void an_older_data_folder_is_handed_to_the_owner_role_and_the_bot_serves_as_the_runtime_role() throws Exception {
        // What the earlier version did: everything migrated and owned by the superuser.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .start()) {
            new Migrations(old.getPostgresDatabase(), "postgres").migrate();
        }

        try (Database database = Database.embedded(data)) {
            assertThat(database.oneRoleForBoth()).isFalse();
            assertThat(database.runtimeRole()).isEqualTo(Database.EMBEDDED_RUNTIME);
            new Migrations(database.migrationDataSource(), database.runtimeRole()).migrate();

            DSLContext bot = DSL.using(database.dataSource(), SQLDialect.POSTGRES);
            assertThat(bot.fetchCount(
                            DSL.table("pg_tables"),
                            DSL.field("schemaname")
                                    .eq("public")
                                    .and(DSL.field("tableowner").ne(Database.EMBEDDED_OWNER))))
                    .as("every table is the owner role's now")
                    .isZero();
            bot.execute("insert into once_key (key, created_at) values ('embedded-roles', now())");
            assertThatThrownBy(() -> bot.execute("alter table audit_event disable trigger all"))
                    .isInstanceOf(DataAccessException.class)
                    .satisfies(e ->
                            assertThat(((DataAccessException) e).sqlState()).isEqualTo("42501"));
            assertThatThrownBy(() -> bot.execute("delete from audit_event"))
                    .isInstanceOf(DataAccessException.class)
                    .satisfies(e ->
                            assertThat(((DataAccessException) e).sqlState()).isEqualTo("42501"));
        }
    }
}
