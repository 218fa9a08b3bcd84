-- The portfolio list (GET /api/products, /app/produkter) filters and sorts in SQL, over tens of
-- thousands of products. Plain column indexes only: H2 (the demo) knows no expression indexes.

-- Sorting by name, ignoring case: name_key is null for rejected and retired products, so the list
-- sorts on its own lower-cased copy of the name, written by Portfolio wherever the name is.
alter table product add column name_sort varchar(100);
update product set name_sort = lower(name);
create index product_name_sort_idx on product (name_sort, id);

-- The open structural gaps for the next level up (N1 -> N2, N2 -> N3), as the product page lists
-- them: computed in Java by the levels module (groups, use, code version, handover, the board)
-- and stored here wherever one of those changes. 0: none, or no level above / not active.
-- Null: not computed yet; the levels module fills those in at start-up (the backfill).
alter table product add column open_gaps integer;

create index product_level_idx on product (level, name_sort);
create index product_status_level_idx on product (status, level);
create index product_next_evaluation_idx on product (next_evaluation);
create index product_last_evaluation_idx on product (last_evaluation);
create index product_level_since_idx on product (level_since);
create index product_open_gaps_idx on product (open_gaps);

-- The municipality filter: products used in a municipality.
create index product_municipality_name_idx on product_municipality (municipality, product_id);
