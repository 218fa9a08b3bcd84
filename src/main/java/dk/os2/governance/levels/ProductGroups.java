package dk.os2.governance.levels;

import dk.os2.governance.identity.Access;
import dk.os2.governance.identity.Body;
import dk.os2.governance.evaluation.SteeringGroups;
import dk.os2.governance.identity.GroupKind;
import dk.os2.governance.portfolio.Portfolio;
import dk.os2.governance.portfolio.Product;
import dk.os2.governance.portfolio.ProductStatus;
import dk.os2.governance.process.TransactionCache;
import dk.os2.governance.criteria.Catalogue;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * A product's steering group and coordination group: members with roles in the application's
 * table, mirrored as Camunda groups so that tasks meant for a group reach it alone. Also the
 * structural checks of a level: who must sit in which group, and where the product is used.
 */
@Service
public class ProductGroups implements SteeringGroups {

  /**
   * A member of a product's group: a person with a login ({@code userId}), or an organisation
   * without one ({@code userId} null, e.g. a supplier named in the proposal), which counts in the
   * level checks but is no member of the Camunda group, so no task or mail reaches it.
   */
  public record Member(String productId, GroupKind kind, String userId, MemberRole role, String organisation) {

    public boolean organisationOnly() {
      return userId == null;
    }
  }

  /** The roles an organisation without a login may have: it represents an organisation, not a person. */
  static final Set<MemberRole> ORGANISATION_ROLES = Set.of(MemberRole.SUPPLIER, MemberRole.MUNICIPALITY);

  private final JdbcClient jdbc;
  private final IdentityService identity;
  private final AuthorizationService authorizations;
  private final Portfolio portfolio;
  private final Catalogue catalogue;
  /** Members read in this transaction (the level checks ask several times per step); cleared by each write here. */
  private final TransactionCache<List<Member>> read = new TransactionCache<>();

  ProductGroups(JdbcClient jdbc, IdentityService identity, AuthorizationService authorizations, Portfolio portfolio,
      Catalogue catalogue) {
    this.catalogue = catalogue;
    this.jdbc = jdbc;
    this.identity = identity;
    this.authorizations = authorizations;
    this.portfolio = portfolio;
  }

  /** The product's members: per group, the people with a login first, then the organisations without one. */
  public List<Member> members(String productId) {
    return read.get(productId, () -> List.copyOf(jdbc.sql("""
        select product_id, group_kind as kind, user_id, member_role as role, organisation, 0 as sort_group,
               user_id as sort_key
        from product_group_member where product_id = :product
        union all
        select product_id, group_kind, cast(null as varchar(64)), member_role, organisation, 1, organisation_key
        from product_group_organisation where product_id = :product
        order by kind, sort_group, sort_key""")
        .param("product", productId).query(Member.class).list()));
  }

  public List<Member> members(String productId, GroupKind kind) {
    return members(productId).stream().filter(m -> m.kind() == kind).toList();
  }

  @Transactional
  public void add(String productId, GroupKind kind, String userId, MemberRole role, String organisation) {
    Access.asSystem(identity, () -> addMember(productId, kind, userId, role, organisation));
  }

  private void addMember(String productId, GroupKind kind, String userId, MemberRole role, String organisation) {
    Product product = product(productId);
    if (identity.createUserQuery().userId(userId).singleResult() == null) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Brugeren '" + userId + "' findes ikke.");
    }
    String groupId = ensureGroup(product, kind);
    jdbc.sql("delete from product_group_member where product_id = ? and group_kind = ? and user_id = ?")
        .params(productId, kind.name(), userId).update();
    read.clear();
    jdbc.sql("""
        insert into product_group_member (product_id, group_kind, user_id, member_role, organisation, added_at)
        values (?, ?, ?, ?, ?, ?)""")
        .params(productId, kind.name(), userId, role.name(), organisation, Timestamp.from(Instant.now())).update();
    read.clear();
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
    recordOpenGaps(productId);
  }

  @Transactional
  public void remove(String productId, GroupKind kind, String userId) {
    Access.asSystem(identity, () -> removeMember(productId, kind, userId));
  }

  private void removeMember(String productId, GroupKind kind, String userId) {
    jdbc.sql("delete from product_group_member where product_id = ? and group_kind = ? and user_id = ?")
        .params(productId, kind.name(), userId).update();
    read.clear();
    String groupId = kind.groupId(productId);
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0) {
      identity.deleteMembership(userId, groupId);
    }
    recordOpenGaps(productId);
  }

  /**
   * Stores in the portfolio how many structural gaps an active product has for the next level up
   * (what its page lists), so the portfolio list can filter on it; 0 at the top level or outside
   * the active portfolio. Called wherever the inputs change ({@link OpenGapsOnChange}).
   */
  public void refreshOpenGaps(String productId) {
    Access.asSystem(identity, () -> recordOpenGaps(productId));
  }

  private void recordOpenGaps(String productId) {
    portfolio.product(productId).ifPresent(product -> {
      int rank = product.status() == ProductStatus.ACTIVE && product.level() != null
          ? catalogue.rank(product.level()) : -1;
      int gaps = rank < 0 || rank + 1 >= catalogue.levels().size() ? 0
          : gaps(productId, catalogue.levels().get(rank + 1).id(), false).size();
      portfolio.openGaps(productId, gaps);
    });
  }

  /**
   * Adds an organisation without a login to the product's coordination group (a supplier named in
   * the proposal, or one the secretariat adds by name); the same organisation again, however typed,
   * replaces its row. Refused in Danish: another group (the steering group's members are people
   * appointed to it), a role that is a person's, a missing or too long name.
   */
  @Transactional
  public void addOrganisation(String productId, GroupKind kind, MemberRole role, String organisation) {
    product(productId);
    if (kind != GroupKind.COORDINATION) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "Kun koordinationsgruppen kan have en organisation uden login som medlem; styregruppens medlemmer skal have et login.");
    }
    if (!ORGANISATION_ROLES.contains(role)) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "En organisation uden login kan kun være med som "
          + MemberRole.SUPPLIER.danishName().toLowerCase() + " eller " + MemberRole.MUNICIPALITY.danishName().toLowerCase()
          + "; angiv et bruger-id for en person.");
    }
    String name = organisation == null ? "" : organisation.trim().replaceAll("\\s+", " ");
    if (name.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Angiv et bruger-id eller navnet på en organisation.");
    }
    if (name.length() > 200) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Organisationen må højst være 200 tegn.");
    }
    jdbc.sql("delete from product_group_organisation where product_id = ? and group_kind = ? and organisation_key = ?")
        .params(productId, kind.name(), key(name)).update();
    read.clear();
    jdbc.sql("""
        insert into product_group_organisation (product_id, group_kind, organisation, organisation_key, member_role, added_at)
        values (?, ?, ?, ?, ?, ?)""")
        .params(productId, kind.name(), name, key(name), role.name(), Timestamp.from(Instant.now())).update();
    read.clear();
  }

  @Transactional
  public void removeOrganisation(String productId, GroupKind kind, String organisation) {
    if (organisation == null || organisation.isBlank()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Angiv bruger-id'et eller organisationen, der skal fjernes.");
    }
    jdbc.sql("delete from product_group_organisation where product_id = ? and group_kind = ? and organisation_key = ?")
        .params(productId, kind.name(), key(organisation)).update();
    read.clear();
  }

  /** Whether the group has the organisation as a member, on its own or as the organisation of a person in it. */
  public boolean hasOrganisation(String productId, GroupKind kind, String organisation) {
    String wanted = key(organisation);
    return members(productId, kind).stream().anyMatch(m -> m.organisation() != null && key(m.organisation()).equals(wanted));
  }

  /** One organisation however it is typed: trimmed, inner whitespace collapsed, lower-cased. */
  static String key(String organisation) {
    return organisation.trim().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
  }

  public boolean isMember(String productId, GroupKind kind, String userId) {
    return userId != null && members(productId, kind).stream().anyMatch(m -> userId.equals(m.userId()));
  }

  @Override
  public boolean inSteeringGroup(String productId, String userId) {
    return isMember(productId, GroupKind.STEERING, userId);
  }

  /**
   * The structural gaps between the product and a level, in Danish; empty when it meets them.
   * N2: a steering group with a board member or board appointee, a coordination group with a
   * municipality and a supplier, use in at least two municipalities, one code version declared.
   * N3 adds: the whole board in the steering group, a board member in the coordination group,
   * and an accepted handover to operations (unless {@code handoverPending}: it is reviewed later
   * in the same level change).
   */
  public List<String> structuralGaps(String productId, String level, boolean handoverPending) {
    return Access.asSystem(identity, () -> gaps(productId, level, handoverPending));
  }

  private List<String> gaps(String productId, String level, boolean handoverPending) {
    Product product = product(productId);
    List<String> gaps = new ArrayList<>();
    if (!"N2".equals(level) && !"N3".equals(level)) {
      return gaps;
    }
    List<Member> steering = members(productId, GroupKind.STEERING);
    List<Member> coordination = members(productId, GroupKind.COORDINATION);
    if (steering.stream().noneMatch(m -> m.role() == MemberRole.BOARD_MEMBER || m.role() == MemberRole.BOARD_APPOINTEE)) {
      gaps.add("Styregruppen har ingen deltager fra OS2's bestyrelse eller udpeget af den.");
    }
    if (coordination.stream().noneMatch(m -> m.role() == MemberRole.MUNICIPALITY)) {
      gaps.add("Koordinationsgruppen har ingen kommune.");
    }
    if (coordination.stream().noneMatch(m -> m.role() == MemberRole.SUPPLIER)) {
      List<String> named = Portfolio.municipalities(product.suppliers());
      gaps.add("Koordinationsgruppen har ingen leverandør." + (named.isEmpty() ? ""
          : " Forslaget nævner " + String.join(", ", named)
              + ": tilføj leverandøren som medlem (som organisation, eller dens kontaktperson med login)."));
    }
    long municipalities = municipalitiesInUse(product);
    if (municipalities < 2) {
      gaps.add("Produktet er i brug i " + municipalities + " kommune" + (municipalities == 1 ? "" : "r")
          + "; niveau 2 kræver mindst to.");
    }
    if (!portfolio.singleCodeVersion(productId)) {
      gaps.add("Der er ikke erklæret én version af koden.");
    }
    if ("N3".equals(level)) {
      Set<String> board = identity.createUserQuery().memberOfGroup(Body.BESTYRELSE.groupId()).list().stream()
          .map(u -> u.getId()).collect(Collectors.toSet());
      Set<String> inSteering = steering.stream().map(Member::userId).filter(java.util.Objects::nonNull)
          .collect(Collectors.toSet());
      if (board.isEmpty() || !inSteering.containsAll(board)) {
        gaps.add("Styregruppen omfatter ikke hele OS2's bestyrelse.");
      }
      if (coordination.stream().noneMatch(m -> m.userId() != null && board.contains(m.userId()))) {
        gaps.add("Intet medlem af OS2's bestyrelse deltager i koordinationsgruppen.");
      }
      if (!handoverPending && portfolio.handoverAcceptedOn(productId) == null) {
        gaps.add("Overdragelsen til drift er ikke godkendt af Koordinationsudvalget.");
      }
    }
    return gaps;
  }

  static long municipalitiesInUse(Product product) {
    return product.municipalities().size();
  }

  private String ensureGroup(Product product, GroupKind kind) {
    String groupId = kind.groupId(product.id());
    if (identity.createGroupQuery().groupId(groupId).singleResult() == null) {
      Group group = identity.newGroup(groupId);
      group.setName(kind.danishName() + " for " + product.name());
      group.setType("PRODUCT");
      identity.saveGroup(group);
      for (String process : List.of("level-change", "annual-evaluation")) {
        Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(groupId);
        read.setResource(Resources.PROCESS_DEFINITION);
        read.setResourceId(process);
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
      }
    }
    return groupId;
  }

  private Product product(String productId) {
    return portfolio.product(productId)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Produktet findes ikke."));
  }
}
