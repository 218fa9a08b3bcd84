-- Meetings of the board and the general assembly (module meeting): the meeting, its agenda items,
-- the decision recorded per item in the minutes (the item task's own form fields, one row each),
-- and who attended.
create table meeting (
  id                   varchar(36)   primary key,
  body                 varchar(40)   not null check (body in ('bestyrelse', 'generalforsamling')),
  meeting_date         date          not null,
  meeting_time         varchar(5)    not null,
  place                varchar(500)  not null,
  process_instance_id  varchar(64)   unique,
  planned_by           varchar(64),
  planned_at           timestamp     not null,
  agenda_sent_at       timestamp,
  quorum_met           boolean,
  other_attendees      varchar(2000),
  minutes_saved_by     varchar(64),
  minutes_saved_at     timestamp,
  minutes_recorded_by  varchar(64),
  minutes_recorded_at  timestamp
);

create table meeting_item (
  id                     varchar(36)   primary key,
  meeting_id             varchar(36)   not null references meeting (id),
  position               integer       not null,
  -- DECISION (a task waiting for the body), STANDING (an N3 product), EVALUATION (due before the
  -- next meeting), REPORT (the board's annual portfolio report to the general assembly)
  kind                   varchar(20)   not null check (kind in ('DECISION', 'STANDING', 'EVALUATION', 'REPORT')),
  task_id                varchar(64),
  task_key               varchar(100),
  process_instance_id    varchar(64),
  process_definition_id  varchar(100),
  title                  varchar(500)  not null,
  subject                varchar(500),
  link                   varchar(1000),
  -- OPEN until the minutes are recorded; then DECIDED, NOT_REACHED (moves to the next meeting),
  -- NO_QUORUM (no decision: moves on), DECIDED_IN_TASK (taken in its own task meanwhile), NOTED
  status                 varchar(20)   not null check (status in
                           ('OPEN', 'DECIDED', 'NOT_REACHED', 'NO_QUORUM', 'DECIDED_IN_TASK', 'NOTED')),
  -- what the minutes say for a decision item: DECIDE or NOT_REACHED (null before the minutes are filled in)
  minutes_action         varchar(20)   check (minutes_action in ('DECIDE', 'NOT_REACHED')),
  outcome                varchar(100),
  outcome_label          varchar(300),
  votes_for              integer       check (votes_for >= 0),
  votes_against          integer       check (votes_against >= 0),
  votes_abstaining       integer       check (votes_abstaining >= 0),
  notes                  varchar(4000),
  unique (meeting_id, position)
);

create unique index meeting_item_task_idx on meeting_item (meeting_id, task_id);
create index meeting_item_by_task_idx on meeting_item (task_id);

create table meeting_item_answer (
  item_id      varchar(36)    not null references meeting_item (id),
  position     integer        not null,
  field_key    varchar(100)   not null,
  field_label  varchar(300)   not null,
  answer       varchar(4000)  not null,
  primary key (item_id, position)
);

create table meeting_attendance (
  meeting_id  varchar(36)   not null references meeting (id),
  position    integer       not null,
  user_id     varchar(64),
  name        varchar(300)  not null,
  present     boolean       not null,
  primary key (meeting_id, position)
);
