-- What an imported evaluation report says beyond its rows: the author's mail, the further lines of
-- its information block (GitHub organisation, OS2 page, governance report used), and the hash of
-- its content (BOM and line ends aside), by which the same report imported again is recognised.
alter table evaluation add column author_email varchar(200);
alter table evaluation add column content_hash varchar(64);
create unique index evaluation_content_hash_unique on evaluation (content_hash);

create table evaluation_link (
  evaluation_id  varchar(36)    not null references evaluation (id),
  position       int            not null,
  label          varchar(200)   not null,
  link           varchar(1000)  not null,
  primary key (evaluation_id, position)
);
