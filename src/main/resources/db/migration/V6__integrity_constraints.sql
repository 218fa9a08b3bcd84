-- Rules that must hold however many requests arrive at once, enforced by the database rather
-- than by a check the application makes before it acts.

-- 1. A product name is unique in the portfolio, ignoring case and whitespace. The application
--    writes name_key (trimmed, inner whitespace collapsed to one space, lower-cased) for proposed
--    and active products, and clears it when a product is rejected or retired, so a rejected or
--    retired product's name can be proposed again (NULLs never collide in a unique index, on
--    PostgreSQL and H2 alike).
alter table product add column name_key varchar(150);

-- Existing rows: the same normalisation in SQL both databases understand (replace() run
-- repeatedly collapses runs of spaces in a name of at most 100 characters).
update product set name_key = lower(trim(
    replace(replace(replace(replace(replace(replace(replace(name,
      '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' '), '  ', ' ')))
  where status in ('PROPOSED', 'ACTIVE');

-- Duplicates in old data must not make this migration fail and must not silently disappear: the
-- oldest product keeps the name; each later one keeps its displayed name but gets a key marked
-- with its own id, so the secretariat can see and resolve it. Nothing is renamed or deleted.
update product p set name_key = p.name_key || ' #' || p.id
  where p.name_key is not null and exists (
    select 1 from product o
    where o.name_key = p.name_key
      and (o.created_at < p.created_at or (o.created_at = p.created_at and o.id < p.id)));

create unique index product_name_key_unique on product (name_key);

-- 2 and 3. At most one running process of a kind per product: one level change, one annual
--    evaluation cycle. A row is written in the transaction that starts the process (so a rolled
--    back start leaves none, and of two concurrent starts the second meets the unique key). A
--    row whose process has ended is stale and is replaced by the next start.
create table running_process (
  product_id           varchar(36)  not null references product (id),
  kind                 varchar(30)  not null,
  process_instance_id  varchar(64),
  started_at           timestamp    not null,
  primary key (product_id, kind)
);
