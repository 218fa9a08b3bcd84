-- Statutes and licence terms (module statutes): versioned documents changed only through the
-- process statutes-change. A row is a version: a draft while the change runs, then adopted (with
-- its version number and the general assembly's decision), not adopted, rejected or withdrawn.
create table statutes_version (
  id                   varchar(36)     primary key,
  document_kind        varchar(20)     not null,
  version_no           integer,
  body_text            varchar(200000) not null,
  status               varchar(20)     not null,
  rationale            varchar(4000),
  drafted_by           varchar(64),
  process_instance_id  varchar(64),
  -- the version in force when the draft was made, and (once adopted) the version it replaced
  previous_version_id  varchar(36)     references statutes_version (id),
  decided_on           date,
  meeting_date         date,
  votes_for            integer,
  votes_against        integer,
  votes_abstaining     integer,
  quorum_met           boolean,
  minutes_reference    varchar(200),
  created_at           timestamp       not null,
  updated_at           timestamp       not null,
  constraint statutes_version_no_unique unique (document_kind, version_no),
  constraint statutes_votes_non_negative check (votes_for >= 0 and votes_against >= 0 and votes_abstaining >= 0)
);

create index statutes_version_process_idx on statutes_version (process_instance_id);

-- Every recommendation and decision of a statutes change (the board's, the secretariat's revision,
-- the general assembly's): statutes changes concern no product, so they are not governance_decision rows.
create table statutes_decision (
  id                   varchar(36)   primary key,
  version_id           varchar(36)   not null references statutes_version (id),
  process_instance_id  varchar(64)   not null,
  task_key             varchar(100)  not null,
  body                 varchar(64)   not null,
  decided_by           varchar(64),
  outcome              varchar(20)   not null,
  outcome_label        varchar(200)  not null,
  rationale            varchar(4000),
  meeting_date         date,
  votes_for            integer,
  votes_against        integer,
  votes_abstaining     integer,
  quorum_met           boolean,
  minutes_reference    varchar(200),
  decided_at           timestamp     not null
);

create index statutes_decision_version_idx on statutes_decision (version_id, decided_at);

-- One change per document at a time: held by the primary key, claimed in the transaction that starts it.
create table statutes_running_change (
  document_kind        varchar(20)   primary key,
  version_id           varchar(36)   not null references statutes_version (id)
);

-- The first versions: placeholders, because the seed holds no statutes text. Replace them through the process.
insert into statutes_version (id, document_kind, version_no, body_text, status, rationale, drafted_by,
  created_at, updated_at)
values ('statutes-initial', 'STATUTES', 1,
'# Vedtægter for OS2 – offentligt digitaliseringsfællesskab

> **PLADSHOLDER.** Denne tekst er ikke OS2''s gældende vedtægter. Den er indlæst som første version,
> fordi systemet ikke har de rigtige vedtægter. Erstat den med de gældende vedtægter gennem en
> vedtægtsændring (sekretariatet udarbejder, bestyrelsen indstiller, generalforsamlingen beslutter).

## § 1 Navn
Foreningens navn er OS2 – offentligt digitaliseringsfællesskab.

## § 2 Generalforsamlingen
Generalforsamlingen er OS2''s øverste besluttende myndighed. Vedtægtsændringer, licensformer mm.
træffes af generalforsamlingen.

## § 3 Vedtægtsændringer
Ændringer af vedtægterne kræver, at generalforsamlingen er beslutningsdygtig, og at mindst 2/3 af
de afgivne stemmer er for forslaget. Blanke stemmer (hverken for eller imod) tælles ikke med.
', 'ADOPTED', 'Første version indlæst af systemet (pladsholder).', 'system', current_timestamp, current_timestamp);

insert into statutes_version (id, document_kind, version_no, body_text, status, rationale, drafted_by,
  created_at, updated_at)
values ('licence-terms-initial', 'LICENCE_TERMS', 1,
'# Standardlicens- og tilslutningsvilkår for OS2-produkter

> **PLADSHOLDER.** Denne tekst er ikke OS2''s gældende vilkår. Den er indlæst som første version,
> fordi systemet ikke har de rigtige vilkår. Erstat den gennem en ændring af vilkårene
> (sekretariatet udarbejder, bestyrelsen indstiller, generalforsamlingen beslutter).

## 1 Licens
Et OS2-produkt udgives under en open source-licens, som OS2 har godkendt.

## 2 Tilslutning
En kommune tilslutter sig et produkt ved at tilmelde sig produktets koordinationsgruppe.

## 3 Ændringer
Ændringer af disse vilkår vedtages af generalforsamlingen med simpelt flertal af de afgivne
stemmer, når generalforsamlingen er beslutningsdygtig.
', 'ADOPTED', 'Første version indlæst af systemet (pladsholder).', 'system', current_timestamp, current_timestamp);
