package mn.miic.helpdesk.organizations;

import static mn.miic.helpdesk.db.jooq.Tables.ORGANIZATION;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mn.miic.helpdesk.db.Now;
import mn.miic.helpdesk.db.jooq.tables.records.OrganizationRecord;
import org.jooq.CommonTableExpression;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.impl.DSL;

/** Organizations and their parent/child tree, on the DSLContext of the caller's transaction. */
public final class OrganizationRepository {

    private final DSLContext dsl;

    public OrganizationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Organization> findById(long id) {
        return dsl.selectFrom(ORGANIZATION).where(ORGANIZATION.ID.eq(id)).fetchOptional(OrganizationRepository::map);
    }

    public Optional<Organization> findByCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return dsl.selectFrom(ORGANIZATION)
                .where(ORGANIZATION.CODE.eq(code.trim().toUpperCase(Locale.ROOT)))
                .fetchOptional(OrganizationRepository::map);
    }

    public List<Organization> findAllById(Collection<Long> ids) {
        return dsl.selectFrom(ORGANIZATION)
                .where(ORGANIZATION.ID.in(ids))
                .orderBy(ORGANIZATION.CODE)
                .fetch(OrganizationRepository::map);
    }

    /** The organizations with these ids, by id (for audit rows about many accounts at once). */
    public Map<Long, Organization> byId(Collection<Long> ids) {
        Map<Long, Organization> found = new LinkedHashMap<>();
        findAllById(ids).forEach(o -> found.put(o.id(), o));
        return found;
    }

    public List<Organization> findAll() {
        return dsl.selectFrom(ORGANIZATION).orderBy(ORGANIZATION.CODE).fetch(OrganizationRepository::map);
    }

    /**
     * Takes the organization's row lock: every change that could leave a location without an administrator holds it,
     * so two such changes to one location run one after the other and the second sees the first. {@code FOR NO KEY
     * UPDATE}, not {@code FOR UPDATE}: an account added to the organization meanwhile (whose foreign key takes {@code
     * FOR KEY SHARE} on this row) need not wait for it.
     */
    public void lock(long id) {
        dsl.select(ORGANIZATION.ID)
                .from(ORGANIZATION)
                .where(ORGANIZATION.ID.eq(id))
                .forNoKeyUpdate()
                .execute();
    }

    /** The organizations themselves and every descendant, at any depth. */
    public Set<Long> withDescendants(Collection<Long> roots) {
        if (roots.isEmpty()) {
            return Set.of();
        }
        var tree = DSL.name("tree");
        var treeId = DSL.field(DSL.name("tree", "id"), Long.class);
        CommonTableExpression<Record1<Long>> cte = tree.fields("id")
                .as(DSL.select(ORGANIZATION.ID)
                        .from(ORGANIZATION)
                        .where(ORGANIZATION.ID.in(roots))
                        .union(DSL.select(ORGANIZATION.ID)
                                .from(ORGANIZATION)
                                .join(tree)
                                .on(ORGANIZATION.PARENT_ID.eq(treeId))));
        return dsl.withRecursive(cte).selectFrom(cte).fetchSet(0, Long.class);
    }

    /** The organization's parent, its parent's parent, and so on up, nearest first. */
    public List<Long> ancestorIdsOf(Organization organization) {
        List<Long> ancestors = new ArrayList<>();
        Long next = organization.parentId();
        while (next != null && !ancestors.contains(next)) {
            ancestors.add(next);
            next = findById(next).map(Organization::parentId).orElse(null);
        }
        return ancestors;
    }

    /**
     * {@link #ancestorIdsOf(Organization)} for many organizations, one statement per level of the hierarchy rather
     * than one per organization and level.
     */
    public java.util.Map<Long, List<Long>> ancestorIdsOf(java.util.Collection<Organization> organizations) {
        java.util.Map<Long, Long> parentOf = new java.util.HashMap<>();
        organizations.forEach(o -> parentOf.put(o.id(), o.parentId()));
        java.util.Set<Long> unknown = new java.util.HashSet<>();
        do {
            unknown.clear();
            parentOf.values().stream()
                    .filter(p -> p != null && !parentOf.containsKey(p))
                    .forEach(unknown::add);
            if (!unknown.isEmpty()) {
                dsl.select(ORGANIZATION.ID, ORGANIZATION.PARENT_ID)
                        .from(ORGANIZATION)
                        .where(ORGANIZATION.ID.in(unknown))
                        .forEach(r -> parentOf.put(r.value1(), r.value2()));
                unknown.forEach(id -> parentOf.putIfAbsent(id, null));
            }
        } while (!unknown.isEmpty());
        java.util.Map<Long, List<Long>> ancestors = new java.util.LinkedHashMap<>();
        for (Organization o : organizations) {
            List<Long> chain = new ArrayList<>();
            Long next = o.parentId();
            while (next != null && !chain.contains(next)) {
                chain.add(next);
                next = parentOf.get(next);
            }
            ancestors.put(o.id(), chain);
        }
        return ancestors;
    }

    public boolean hasChildren(long id) {
        return dsl.fetchExists(ORGANIZATION, ORGANIZATION.PARENT_ID.eq(id));
    }

    public long insert(String code, String name, OrganizationKind kind, Long parentId, java.time.LocalDate duaDate) {
        return dsl.insertInto(ORGANIZATION)
                .set(ORGANIZATION.CODE, code)
                .set(ORGANIZATION.NAME, name)
                .set(ORGANIZATION.KIND, kind.name())
                .set(ORGANIZATION.PARENT_ID, parentId)
                .set(ORGANIZATION.DUA_DATE, duaDate)
                .set(ORGANIZATION.CREATED_AT, Now.of(dsl))
                .returning(ORGANIZATION.ID)
                .fetchOne(ORGANIZATION.ID);
    }

    public void update(long id, String name, OrganizationKind kind, Long parentId, java.time.LocalDate duaDate) {
        dsl.update(ORGANIZATION)
                .set(ORGANIZATION.NAME, name)
                .set(ORGANIZATION.KIND, kind.name())
                .set(ORGANIZATION.PARENT_ID, parentId)
                .set(ORGANIZATION.DUA_DATE, duaDate)
                .where(ORGANIZATION.ID.eq(id))
                .execute();
    }

    private static Organization map(OrganizationRecord r) {
        return new Organization(
                r.getId(),
                r.getCode(),
                r.getName(),
                OrganizationKind.valueOf(r.getKind()),
                r.getParentId(),
                r.getDuaDate());
    }
}
