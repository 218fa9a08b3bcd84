-- Published criteria catalogues: a version never changes; a change is a new version.
create table criteria_catalogue (
  catalogue_id   varchar(100)   not null,
  version        varchar(50)    not null,
  title          varchar(300)   not null,
  definition     varchar(200000) not null,
  source         varchar(30)    not null,
  published_by   varchar(64),
  published_at   timestamp      not null,
  primary key (catalogue_id, version)
);

-- A product's self-assessment, as OS2's web form exports it.
create table self_assessment (
  id                 varchar(36)   primary key,
  product_id         varchar(36)   not null references product (id),
  catalogue_id       varchar(100)  not null,
  catalogue_version  varchar(50)   not null,
  filled_by          varchar(200),
  filled_date        varchar(30),
  generated_at       varchar(40),
  imported_by        varchar(64),
  imported_at        timestamp     not null
);

create table self_assessment_answer (
  self_assessment_id varchar(36)   not null references self_assessment (id),
  criterion_id       varchar(50)   not null,
  answer             varchar(20),
  documentation      varchar(4000),
  primary key (self_assessment_id, criterion_id)
);

-- An evaluation of a product against one catalogue version: a traffic light per criterion.
-- Counts, gaps and the indicative level are computed from the items, never stored by hand.
create table evaluation (
  id                 varchar(36)   primary key,
  product_id         varchar(36)   not null references product (id),
  catalogue_id       varchar(100)  not null,
  catalogue_version  varchar(50)   not null,
  target_level       varchar(20),
  stated_level       varchar(20),
  source             varchar(30)   not null,
  summary            varchar(8000),
  overall            varchar(8000),
  recommendations    varchar(8000),
  author             varchar(200),
  evaluated_on       date,
  warnings           varchar(8000),
  process_instance_id varchar(64),
  created_by         varchar(64),
  created_at         timestamp     not null
);

create index evaluation_product_idx on evaluation (product_id, created_at);

create table evaluation_item (
  evaluation_id      varchar(36)   not null references evaluation (id),
  criterion_id       varchar(50)   not null,
  light              varchar(10)   not null,
  rationale          varchar(4000),
  self_answer        varchar(20),
  self_documentation varchar(4000),
  primary key (evaluation_id, criterion_id)
);
