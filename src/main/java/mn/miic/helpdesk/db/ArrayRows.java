package mn.miic.helpdesk.db;

import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Many rows written by one statement as one bound array per column ({@code unnest(?, ?, ...)}),
 * instead of a VALUES list of a parameter per cell: a thousand rows bind as a handful of parameters, and the
 * statement's text is the same for one row as for a thousand.
 */
public final class ArrayRows {

    private ArrayRows() {}

    /** One column of the rows: its values bound as one array parameter. */
    public static <T> Field<T[]> array(T[] values, DataType<T> type) {
        return DSL.val(values, type.array());
    }

    /**
     * The rows: PostgreSQL's {@code unnest} of several arrays zips them into rows (jOOQ's own {@code unnest} takes one
     * array, and in {@code rowsFrom} it renders an alias PostgreSQL refuses). Name its columns with {@code as}.
     */
    public static Table<?> of(Field<?>... arrays) {
        return DSL.table("unnest({0})", DSL.list(arrays));
    }

    /** The rows' column named as {@code like}, typed as it. */
    public static <T> Field<T> column(Table<?> rows, TableField<?, T> like) {
        return DSL.field(DSL.name(rows.getName(), like.getName()), like.getDataType());
    }

    /** A column of JSON text, as jsonb (bound as text: an array of jsonb is no simpler to bind). */
    public static Field<JSONB> jsonb(Table<?> rows, String name) {
        return DSL.field(DSL.name(rows.getName(), name), SQLDataType.VARCHAR).cast(SQLDataType.JSONB);
    }
}
