-- The portfolio and the governance decisions: the application's own record, kept apart from
-- Camunda's history so that no history cleanup can erase who decided what.
create table product (
  id                          varchar(36)   primary key,
  name                        varchar(100)  not null,
  level                       varchar(10),
  status                      varchar(20)   not null,
  purpose                     varchar(2000),
  need                        varchar(2000),
  proposing_municipality      varchar(100)  not null,
  contact_name                varchar(100)  not null,
  contact_email               varchar(200)  not null,
  participating_municipalities varchar(1000),
  suppliers                   varchar(1000),
  licence                     varchar(50),
  repository_url              varchar(300),
  requested_level             varchar(10),
  proposed_by                 varchar(64),
  proposal_process_id         varchar(64),
  level_since                 date,
  created_at                  timestamp     not null,
  updated_at                  timestamp     not null
);

create index product_status_idx on product (status);

create table governance_decision (
  id                   varchar(36)   primary key,
  product_id           varchar(36)   not null references product (id),
  process_instance_id  varchar(64),
  task_key             varchar(100)  not null,
  body                 varchar(64)   not null,
  decided_by           varchar(64),
  outcome              varchar(20)   not null,
  level                varchar(10),
  rationale            varchar(4000),
  justification        varchar(4000),
  meeting_date         date,
  minutes_reference    varchar(200),
  indicative_level     varchar(10),
  catalogue_reference  varchar(100),
  decided_at           timestamp     not null
);

create index governance_decision_product_idx on governance_decision (product_id, decided_at);
