package mn.miic.helpdesk.db;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Many rows written by one statement as one bound array per column ({@code unnest(?, ?, ...)}), instead of a VALUES
 * list of a parameter per cell: a thousand rows bind as a handful of parameters, and the statement's text is the same
 * for one row as for a thousand. Each column is named by the table column it is written to, with its values, so a
 * name and its array cannot be paired wrongly.
 */
public final class ArrayRows {

    private final String alias;
    private final List<Field<?>> arrays = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    /** @param alias what the rows are called in the statement */
    public ArrayRows(String alias) {
        this.alias = alias;
    }

    /**
     * The values for {@code column}, one per row, bound as an array of {@code type}: a type without a length (plain
     * VARCHAR), since a cast to {@code varchar(n)} would cut a value too long instead of refusing it.
     */
    public <T> ArrayRows with(TableField<?, T> column, T[] values, DataType<T> type) {
        arrays.add(DSL.val(values, type.array()));
        names.add(column.getName());
        return this;
    }

    /** JSON text for a jsonb column, one per row (bound as text: an array of jsonb is no simpler to bind). */
    public ArrayRows withJson(TableField<?, JSONB> column, String[] json) {
        arrays.add(DSL.val(json, SQLDataType.VARCHAR.array()));
        names.add(column.getName());
        return this;
    }

    /**
     * The rows: PostgreSQL's {@code unnest} of several arrays zips them into rows (jOOQ's own {@code unnest} takes one
     * array, and in {@code rowsFrom} it renders an alias PostgreSQL refuses).
     */
    public Table<?> table() {
        return DSL.table("unnest({0})", DSL.list(arrays)).as(alias, names.toArray(String[]::new));
    }

    /** The rows' values for {@code column}, typed as it. */
    public <T> Field<T> field(TableField<?, T> column) {
        return DSL.field(DSL.name(alias, column.getName()), column.getDataType());
    }

    /** The rows' JSON text for {@code column}, as jsonb. */
    public Field<JSONB> json(TableField<?, JSONB> column) {
        return DSL.field(DSL.name(alias, column.getName()), SQLDataType.VARCHAR).cast(SQLDataType.JSONB);
    }
}
