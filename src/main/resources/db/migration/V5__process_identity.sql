-- The identity of each level change and annual evaluation cycle, written by the system when it
-- starts the process: which product, who applied, from which level to which, against which
-- catalogue. The steps that change the portfolio or route a task read it from here, never from
-- process variables that a form submission could overwrite. (A proposal's identity is its
-- product row: product.proposal_process_id and product.proposed_by.)
create table process_identity (
  process_instance_id  varchar(64)   primary key,
  process_key          varchar(64)   not null,
  product_id           varchar(36)   not null references product (id),
  applicant            varchar(64),
  current_level        varchar(10),
  target_level         varchar(10)   not null,
  direction            varchar(10)   not null,
  catalogue_reference  varchar(100),
  started_at           timestamp     not null
);

create index process_identity_product_idx on process_identity (product_id);

create index governance_decision_process_idx on governance_decision (process_instance_id, task_key, decided_at);
