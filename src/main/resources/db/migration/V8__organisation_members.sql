-- Members of a product's coordination group that are organisations without a login: a supplier
-- named in the proposal, or one the secretariat adds by name before anyone there has a login.
-- They count in the level checks (a supplier in the coordination group) but are no Camunda group
-- members, so no task or mail reaches them. organisation_key is the name trimmed, inner
-- whitespace collapsed and lower-cased (the application writes it), so one organisation is one
-- row per group however it is typed.
create table product_group_organisation (
  product_id        varchar(36)   not null references product (id),
  group_kind        varchar(20)   not null,
  organisation      varchar(200)  not null,
  organisation_key  varchar(200)  not null,
  member_role       varchar(30)   not null,
  added_at          timestamp     not null,
  primary key (product_id, group_kind, organisation_key)
);
