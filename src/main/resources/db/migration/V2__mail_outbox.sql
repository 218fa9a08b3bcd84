-- Every e-mail the application owes someone. A row is written in the same transaction as the
-- work that caused it (so a rollback leaves none), is unique per cause (so nothing is queued
-- twice), and records whether and when it was sent.
create table mail_outbox (
  id                   varchar(36)    primary key,
  dedupe_key           varchar(200)   not null,
  kind                 varchar(30)    not null,
  task_id              varchar(64),
  process_instance_id  varchar(64),
  product_name         varchar(100),
  detail               varchar(4000),
  status               varchar(20)    not null,
  recipients           varchar(4000),
  subject              varchar(300),
  body_text            varchar(20000),
  body_html            varchar(40000),
  attempts             integer        not null,
  last_error           varchar(2000),
  job_id               varchar(64),
  created_at           timestamp      not null,
  sent_at              timestamp,
  constraint mail_outbox_dedupe unique (dedupe_key)
);

create index mail_outbox_status_idx on mail_outbox (status, created_at);
