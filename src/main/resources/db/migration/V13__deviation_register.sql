-- The deviation register (module deviation): a documented deviation from a criterion, with its
-- owner (a person or a body), its expiry and whether its reminder has been queued.
create table deviation (
  id                   varchar(36)   primary key,
  product_id           varchar(36)   not null references product (id),
  criterion_id         varchar(50)   not null,
  criterion_title      varchar(300),
  catalogue_reference  varchar(160),
  reason               varchar(4000) not null,
  owner_id             varchar(64)   not null,
  owner_is_group       boolean       not null,
  expires_on           date          not null,
  status               varchar(10)   not null,
  -- the expiry date whose reminder was queued: a changed expiry gets its own reminder, once
  reminded_for         date,
  process_instance_id  varchar(64),
  created_on           date          not null,
  created_by           varchar(64),
  closed_on            date,
  closed_by            varchar(64),
  created_at           timestamp     not null,
  updated_at           timestamp     not null
);

create index deviation_product_idx on deviation (product_id, status);
create index deviation_expiry_idx on deviation (status, expires_on);
