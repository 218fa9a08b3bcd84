-- Rule changes (DOMAIN process 5): a catalogue version is in force from its effective date, and an
-- approved change names the board's decision and the change process that approved it.
alter table criteria_catalogue add column effective_date date;
alter table criteria_catalogue add column decision_id varchar(36);
alter table criteria_catalogue add column change_process_id varchar(64);
-- Versions published before: in force from the day they were published. A version registered from
-- an imported report records a historic evaluation's template and is never in force.
update criteria_catalogue set effective_date = cast(published_at as date) where source <> 'REPORT';

-- A decision of a rule change is about a catalogue, not a product.
alter table governance_decision alter column product_id drop not null;

-- A proposed catalogue version under a criteria-change process (module rules).
create table criteria_change (
  process_instance_id varchar(64)     primary key,
  catalogue_id        varchar(100)    not null,
  version             varchar(50)     not null,
  base_version        varchar(50),
  definition          varchar(200000) not null,
  proposed_by         varchar(64)     not null,
  proposed_at         timestamp       not null,
  revised_at          timestamp,
  status              varchar(20)     not null
);
create index criteria_change_catalogue_idx on criteria_change (catalogue_id, version);
