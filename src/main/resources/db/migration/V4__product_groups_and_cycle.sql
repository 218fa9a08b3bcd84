-- A product's own groups (steering group, coordination group), mirrored as Camunda groups, with
-- each member's role; and what the level checks and the evaluation cycle need to know.
create table product_group_member (
  product_id    varchar(36)   not null references product (id),
  group_kind    varchar(20)   not null,
  user_id       varchar(64)   not null,
  member_role   varchar(30)   not null,
  organisation  varchar(200),
  added_at      timestamp     not null,
  primary key (product_id, group_kind, user_id)
);

alter table product add column single_code_version boolean default false not null;
alter table product add column handover_accepted_on date;
alter table product add column last_evaluation date;
alter table product add column next_evaluation date;
